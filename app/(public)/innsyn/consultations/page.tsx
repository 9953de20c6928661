import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { ConsultationTable } from "@/components/stages/consultation-table";
import { requireInnsyn } from "@/lib/public/guard";
import { innsynConsultations } from "@/lib/public/consultations";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("innsyn.consultations"))("title") };
}

export default async function InnsynConsultationsPage() {
  await requireInnsyn();
  const plans = await innsynConsultations();
  const t = await getTranslations("innsyn.consultations");
  return (
    <>
      <PageHeader title={t("title")} lead={t("intro")} />
      {plans.length === 0 ? (
        <p className="rounded border border-[var(--ds-color-neutral-border-subtle)] bg-[var(--ds-color-neutral-background-tinted)] p-6">{t("none")}</p>
      ) : (
        <ConsultationTable plans={plans} caption={t("caption")} href={(id) => `/innsyn/plans/${id}`} />
      )}
      <p className="no-print mt-6"><Link href="/innsyn" className="ds-link">{(await getTranslations("innsyn.layout"))("nav.plans")}</Link></p>
    </>
  );
}
