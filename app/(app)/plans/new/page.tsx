import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { PlanForm } from "@/components/plans/plan-form";
import { requirePermission } from "@/lib/auth/guards";
import { createPlanAction } from "@/lib/plans/actions";
import { emptyPlanForm, planFormOptions } from "@/lib/plans/form-options";
import { ClientMessages } from "@/components/ui/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("plans.form"))("newTitle") };
}

export default async function NewPlanPage() {
  await requirePermission("plan.write");
  const t = await getTranslations("plans.form");
  const options = await planFormOptions(await getLocale());
  return (
    <>
      <PageHeader title={t("newTitle")} />
      <ClientMessages namespaces={["plans", "enums", "dateField"]}><PlanForm action={createPlanAction} initial={emptyPlanForm} options={options} cancelHref="/plans" /></ClientMessages>
    </>
  );
}
