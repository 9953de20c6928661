import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { PeriodForm } from "@/components/periods/period-form";
import { requirePermission } from "@/lib/auth/guards";
import { todayInOslo } from "@/lib/dates";
import { createPeriodAction } from "@/lib/periods/actions";
import { emptyPeriodForm } from "@/lib/periods/form-values";
import { electionPeriodOf } from "@/lib/schedule/election";
import { ClientMessages } from "@/components/ui/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("periods"))("new") };
}

export default async function NewPeriodPage() {
  await requirePermission("plan.write");
  const t = await getTranslations("periods");
  const { startYear } = electionPeriodOf(todayInOslo().getUTCFullYear());
  return (
    <>
      <PageHeader title={t("new")} />
      <ClientMessages namespaces={["periods", "enums", "dateField"]}><PeriodForm action={createPeriodAction} initial={emptyPeriodForm(startYear, t("defaultName", { period: `${startYear}–${startYear + 3}` }))} cancelHref="/periods" /></ClientMessages>
    </>
  );
}
