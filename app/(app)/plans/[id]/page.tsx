import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { PlanFacts } from "@/components/plans/plan-facts";
import { PlanSdg } from "@/components/plans/plan-sdg";
import { PlanDecisions, PlanDocuments, PlanRelations } from "@/components/plans/plan-links";
import { getPlan } from "@/lib/plans/queries";
import { parseId } from "@/lib/ids";
import { requirePermission } from "@/lib/auth/guards";

type Props = { params: Promise<{ id: string }> };

async function loadPlan(params: Props["params"]) {
  await requirePermission("plan.read");
  const id = parseId((await params).id);
  const plan = id === null ? null : await getPlan(id);
  if (!plan) notFound();
  return plan;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const plan = await loadPlan(params);
  return { title: plan.title };
}

export default async function PlanPage({ params }: Props) {
  const plan = await loadPlan(params);
  const t = await getTranslations("plans.detail");
  return (
    <>
      <p className="no-print mb-4">
        <Link href="/plans" className="text-brand-700 underline">
          ← {t("back")}
        </Link>
      </p>
      <PageHeader title={plan.title} />
      <PlanFacts plan={plan} />
      <PlanSdg plan={plan} />
      <PlanRelations plan={plan} />
      <PlanDocuments plan={plan} />
      <PlanDecisions plan={plan} />
    </>
  );
}
