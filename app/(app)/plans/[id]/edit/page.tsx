import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { PlanForm } from "@/components/plans/plan-form";
import { requirePermission } from "@/lib/auth/guards";
import { updatePlanAction } from "@/lib/plans/actions";
import { planFormInitial, planFormOptions } from "@/lib/plans/form-options";
import { getPlan } from "@/lib/plans/queries";
import { parseId } from "@/lib/ids";
import { ClientMessages } from "@/components/ui/client-messages";

type Props = { params: Promise<{ id: string }> };

async function loadPlan(params: Props["params"]) {
  await requirePermission("plan.write");
  const id = parseId((await params).id);
  const plan = id === null ? null : await getPlan(id);
  if (!plan) notFound();
  return plan;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const plan = await loadPlan(params);
  return { title: (await getTranslations("plans.form"))("editTitle", { title: plan.title }) };
}

export default async function EditPlanPage({ params }: Props) {
  const plan = await loadPlan(params);
  const t = await getTranslations("plans.form");
  const options = await planFormOptions(await getLocale());
  return (
    <>
      <PageHeader title={t("editTitle", { title: plan.title })} />
      <ClientMessages namespaces={["plans", "enums", "dateField"]}><PlanForm action={updatePlanAction} initial={planFormInitial(plan)} options={options} cancelHref={`/plans/${plan.id}`} /></ClientMessages>
    </>
  );
}
