import { getTranslations } from "next-intl/server";
import { EmptyNote, Section } from "@/components/ui/section";
import { closingConsultations } from "@/lib/public/consultations";
import { cachedPageData } from "@/lib/page-data-cache";
import { ConsultationTable } from "./consultation-table";

/** The overview's and the schedule's section: consultations of active plans closing within 30 days. */
export async function ClosingConsultations() {
  const t = await getTranslations("consultation");
  // The same for every signed-in role: shared by all of them while the register is unchanged.
  const plans = await cachedPageData({ page: "closing-consultations", role: "any", locale: "any" }, () => closingConsultations());
  return (
    <Section id="consultations" title={t("closingTitle")}>
      {plans.length === 0 ? <EmptyNote>{t("closingNone")}</EmptyNote> : <ConsultationTable plans={plans} caption={t("closingCaption")} href={(id) => `/plans/${id}`} />}
    </Section>
  );
}
