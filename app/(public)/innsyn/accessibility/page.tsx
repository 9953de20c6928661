import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { requireInnsyn } from "@/lib/public/guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("innsyn.accessibility"))("title") };
}

/** Tilgjengelighetserklæring: required of Norwegian public-sector websites (likestillings- og diskrimineringsloven, WAD). */
export default async function AccessibilityStatementPage() {
  const settings = await requireInnsyn();
  const t = await getTranslations("innsyn.accessibility");
  return (
    <>
      <PageHeader title={t("title")} lead={t("intro", { municipality: settings.municipality })} />
      <Section id="standard" title={t("standardTitle")}>
        <p className="max-w-3xl">{t("standard")}</p>
      </Section>
      <Section id="how" title={t("howTitle")}>
        <ul className="max-w-3xl list-disc space-y-1 pl-6">
          <li>{t("how.keyboard")}</li>
          <li>{t("how.language")}</li>
          <li>{t("how.phone")}</li>
          <li>{t("how.print")}</li>
          <li>{t("how.tested")}</li>
        </ul>
      </Section>
      <Section id="known" title={t("knownTitle")}>
        <p className="max-w-3xl">{t("known")}</p>
      </Section>
      <Section id="contact" title={t("contactTitle")}>
        {settings.accessibilityContactEmail ? (
          <p className="max-w-3xl">{t.rich("contact", { email: settings.accessibilityContactEmail, link: (chunks) => <a href={`mailto:${settings.accessibilityContactEmail}`} className="text-brand-700 underline">{chunks}</a> })}</p>
        ) : <p className="max-w-3xl">{t("contactMissing", { municipality: settings.municipality })}</p>}
        <p className="mt-2 max-w-3xl">{t.rich("supervision", { link: (chunks) => <a href="https://www.uutilsynet.no/" className="text-brand-700 underline" rel="noopener noreferrer">{chunks}</a> })}</p>
      </Section>
    </>
  );
}
