import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { PlanFacts } from "@/components/plans/plan-facts";
import { PlanSdg } from "@/components/plans/plan-sdg";
import { PlanDecisions, PlanDocuments, PlanRelations } from "@/components/plans/plan-links";
import { PlanHistoryView } from "@/components/plans/plan-history";
import { ArchiveForm, DecisionForm } from "@/components/plans/plan-actions";
import { getPlan, listPeriods } from "@/lib/plans/queries";
import { getPlanHistory } from "@/lib/plans/history";
import { parseId } from "@/lib/ids";
import { requirePermission } from "@/lib/auth/guards";
import { can } from "@/lib/permissions";
import { cachedPageData } from "@/lib/page-data-cache";
import { ClientMessages } from "@/components/ui/client-messages";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> };
const savedKinds = ["created", "updated", "archived", "restored"] as const;

async function loadPlan(params: Props["params"]) {
  const user = await requirePermission("plan.read");
  const id = parseId((await params).id);
  const plan = id === null ? null : await cachedPageData({ page: "plan", role: user.role, locale: await getLocale(), params: id }, async () => getPlan(id));
  if (!plan) notFound();
  return { plan, user };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { plan } = await loadPlan(params);
  return { title: plan.title };
}

export default async function PlanPage({ params, searchParams }: Props) {
  const { plan, user } = await loadPlan(params);
  const saved = (await searchParams).saved;
  const t = await getTranslations("plans");
  const editor = can(user.role, "plan.write");
  const part = { role: user.role, locale: await getLocale(), params: plan.id };
  const [history, periods] = await Promise.all([
    cachedPageData({ ...part, page: "plan-history" }, () => getPlanHistory(plan.id)),
    editor ? cachedPageData({ ...part, page: "periods" }, () => listPeriods()) : Promise.resolve([]),
  ]);
  return (
    <>
      <p className="no-print mb-4">
        <Link href="/plans" className="ds-link">← {t("detail.back")}</Link>
      </p>
      {saved && (savedKinds as readonly string[]).includes(saved) ? (
        <p role="status" className="ds-alert mb-4" data-color="success">{t(`form.saved.${saved as (typeof savedKinds)[number]}`)}</p>
      ) : null}
      {plan.archivedAt ? <p className="mb-4 rounded border border-gray-500 bg-gray-100 p-3">{t("form.archivedNotice")}</p> : null}
      <div className="flex flex-wrap items-start justify-between gap-4">
        <PageHeader title={plan.title} />
        {editor ? <Link href={`/plans/${plan.id}/edit`} className="ds-button no-print" data-variant="primary">{t("form.edit")}</Link> : null}
      </div>
      <PlanFacts audience="staff" plan={plan} />
      <PlanSdg plan={plan} />
      <PlanRelations plan={plan} />
      <PlanDocuments plan={plan} />
      <PlanDecisions plan={plan} editable={editor} />
      {editor ? (
        <Section id="decision-form" title={t("decisionForm.title")}>
          <ClientMessages namespaces={["plans", "enums"]}><DecisionForm planId={plan.id} periods={periods} /></ClientMessages>
        </Section>
      ) : null}
      <PlanHistoryView history={history} />
      {editor ? (
        <Section id="archive" title={plan.archivedAt ? t("form.restore") : t("form.archive")}>
          <ClientMessages namespaces={["plans", "enums"]}><ArchiveForm key={plan.version} id={plan.id} version={plan.version} archived={plan.archivedAt !== null} /></ClientMessages>
        </Section>
      ) : null}
    </>
  );
}
