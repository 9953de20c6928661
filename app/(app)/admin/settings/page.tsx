import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/ui/client-messages";
import { PageHeader } from "@/components/ui/page-header";
import { SettingsForm } from "@/components/settings/settings-form";
import { requirePermission } from "@/lib/auth/guards";
import { getSettings } from "@/lib/settings";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("title") };
}

export default async function SettingsPage({ searchParams }: Props) {
  await requirePermission("settings.manage");
  const [settings, { saved }, t] = await Promise.all([getSettings(), searchParams, getTranslations("settings")]);
  return (
    <>
      <PageHeader title={t("title")} lead={t("intro")} />
      {saved === "1" ? <p role="status" className="ds-alert mb-4" data-color="success">{t("saved")}</p> : null}
      <ClientMessages namespaces={["settings"]}>
        <SettingsForm
          initial={{
            municipalityName: settings.municipalityName,
            innsynEnabled: settings.innsynEnabled,
            accessibilityContactEmail: settings.accessibilityContactEmail ?? "",
            reminderLeadMonths: settings.reminderLeadMonths.join(", "),
            caseLinkTemplate: settings.caseLinkTemplate ?? "",
            mapLinkTemplate: settings.mapLinkTemplate ?? "",
            loadedAt: String(settings.loadedAt),
          }}
        />
      </ClientMessages>
    </>
  );
}
