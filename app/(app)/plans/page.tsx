import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { PlanTable } from "@/components/plans/plan-table";
import { listPlans } from "@/lib/plans/queries";
import { requirePermission } from "@/lib/auth/guards";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("plans.list");
  return { title: t("title") };
}

export default async function PlansPage() {
  await requirePermission("plan.read");
  const t = await getTranslations("plans.list");
  const plans = await listPlans();
  return (
    <>
      <PageHeader title={t("title")} lead={t("intro")} />
      <p className="mb-3 text-sm text-gray-700" role="status">{t("count", { count: plans.length })}</p>
      <PlanTable plans={plans} />
    </>
  );
}
