import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { Section, EmptyNote } from "@/components/ui/section";
import { PlanFacts } from "@/components/plans/plan-facts";
import { parseId } from "@/lib/ids";
import { requireInnsyn } from "@/lib/public/guard";
import { innsynPlan } from "@/lib/public/pages";

type Props = { params: Promise<{ id: string }> };

async function load(raw: string) {
  const id = parseId(raw);
  return id === null ? null : innsynPlan(id);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const plan = await load((await params).id).catch(() => null);
  return { title: plan?.title ?? (await getTranslations("notFound"))("title") };
}

export default async function InnsynPlanPage({ params }: Props) {
  await requireInnsyn();
  const plan = await load((await params).id);
  if (!plan) notFound();
  const t = await getTranslations("plans.detail");
  const tEnum = await getTranslations("enums");
  const tInnsyn = await getTranslations("innsyn.plan");
  return (
    <>
      <p className="no-print mb-4"><Link href="/innsyn" className="ds-link">{tInnsyn("back")}</Link></p>
      <PageHeader title={plan.title} />
      <PlanFacts audience="public" plan={plan} />
      <Section id="sdg" title={t("sdg.title")}>
        {plan.sdgTargets.length ? (
          <ul className="flex flex-wrap gap-2">
            {plan.sdgTargets.map((code) => <li key={code} className="rounded border border-gray-400 bg-white px-2 py-0.5 text-sm">{tInnsyn("target", { code })}</li>)}
          </ul>
        ) : <EmptyNote>{t("sdg.none")}</EmptyNote>}
      </Section>
      <Section id="relations" title={t("relations.title")}>
        {plan.relations.length ? (
          <ul className="list-disc pl-6">
            {plan.relations.map((r) => (
              <li key={`${r.direction}-${r.kind}-${r.plan.id}`}>
                {r.direction === "outgoing" ? tEnum(`relationOutgoing.${r.kind}`) : tEnum(`relationIncoming.${r.kind}`)}{" "}
                <Link href={`/innsyn/plans/${r.plan.id}`} className="ds-link">{r.plan.title}</Link>
              </li>
            ))}
          </ul>
        ) : <EmptyNote>{t("relations.none")}</EmptyNote>}
      </Section>
      <Section id="documents" title={t("documents.title")}>
        {plan.documents.length ? (
          <ul className="list-disc pl-6">
            {plan.documents.map((d) => <li key={d.url + d.label}><a href={d.url} className="ds-link" rel="noopener noreferrer">{d.label}</a></li>)}
          </ul>
        ) : <EmptyNote>{t("documents.none")}</EmptyNote>}
      </Section>
      <Section id="decisions" title={t("decisions.title")}>
        {plan.strategyDecisions.length ? (
          <ul className="list-disc pl-6">
            {plan.strategyDecisions.map((d) => (
              <li key={d.periodId}>
                <Link href="/innsyn/strategy" className="ds-link">{d.periodName}</Link>: {tEnum(`strategyDecision.${d.decision}`)}
                {d.targetYear ? ` (${t("decisions.targetYear")} ${d.targetYear})` : ""}
              </li>
            ))}
          </ul>
        ) : <EmptyNote>{t("decisions.none")}</EmptyNote>}
      </Section>
    </>
  );
}
