// The account page's "Kalender" section: what the feed is, whether the user has a link, the forms.
import { getFormatter, getTranslations } from "next-intl/server";
import { Section } from "@/components/ui/section";
import { CalendarLinkForms } from "./calendar-link";
import { ClientMessages } from "@/components/ui/client-messages";

/** `createdAt` of the user's current link, or null when they have none. */
export async function CalendarSection({ createdAt }: { createdAt: Date | null }) {
  const t = await getTranslations("calendar");
  const format = await getFormatter();
  const status = createdAt ? (
    <p className="text-gray-900">
      {t.rich("exists", {
        created: format.dateTime(createdAt, { dateStyle: "medium", timeStyle: "short" }),
        time: (chunks) => <time dateTime={createdAt.toISOString()}>{chunks}</time>,
      })}
    </p>
  ) : (
    <p className="text-gray-900">{t("none")}</p>
  );
  return (
    <Section id="calendar" title={t("title")}>
      <div className="max-w-2xl space-y-2 text-gray-800">
        <p>{t("intro")}</p>
        <p>{t("secret")}</p>
      </div>
      <div className="mt-4 max-w-2xl">
        <ClientMessages namespaces={["calendar"]}><CalendarLinkForms hasLink={createdAt !== null} status={status} /></ClientMessages>
      </div>
    </Section>
  );
}
