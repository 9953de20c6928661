import { ClientMessages } from "@/components/ui/client-messages";
import { RemoveDecisionForm } from "./plan-actions";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyNote, Section } from "@/components/ui/section";
import type { PlanDetail } from "@/lib/plans/queries";
import { ScrollRegion } from "@/components/ui/scroll-region";

/** Relations in both directions: this plan includes / is included in / supports / … */
export async function PlanRelations({ plan }: { plan: PlanDetail }) {
  const t = await getTranslations("plans.detail.relations");
  const tEnum = await getTranslations("enums");
  const rows = [
    ...plan.relationsFrom.map((r) => ({ key: `f${r.id}`, label: tEnum(`relationOutgoing.${r.kind}`), other: r.toPlan })),
    ...plan.relationsTo.map((r) => ({ key: `t${r.id}`, label: tEnum(`relationIncoming.${r.kind}`), other: r.fromPlan })),
  ];
  return (
    <Section id="relations" title={t("title")}>
      {rows.length === 0 ? (
        <EmptyNote>{t("none")}</EmptyNote>
      ) : (
        <ul className="space-y-1">
          {rows.map((row) => (
            <li key={row.key}>
              <span className="font-medium">{row.label}:</span>{" "}
              <Link href={`/plans/${row.other.id}`} className="ds-link">
                {row.other.title}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/** Links to the plan's documents. */
export async function PlanDocuments({ plan }: { plan: PlanDetail }) {
  const t = await getTranslations("plans.detail.documents");
  return (
    <Section id="documents" title={t("title")}>
      {plan.documents.length === 0 ? (
        <EmptyNote>{t("none")}</EmptyNote>
      ) : (
        <ul className="list-disc space-y-1 pl-5">
          {plan.documents.map((doc) => (
            <li key={doc.id}>
              <a href={doc.url} className="ds-link" rel="noopener noreferrer">
                {doc.label}
              </a>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/** What each planning strategy decided for the plan. */
export async function PlanDecisions({ plan, editable = false }: { plan: PlanDetail; editable?: boolean }) {
  const t = await getTranslations("plans.detail.decisions");
  const tEnum = await getTranslations("enums");
  const th = "px-3 py-2 text-left font-semibold";
  return (
    <Section id="decisions" title={t("title")}>
      {plan.strategyDecisions.length === 0 ? (
        <EmptyNote>{t("none")}</EmptyNote>
      ) : (
        <ScrollRegion label={t("title")}>
          <table className="ds-table" data-size="sm">
            <caption className="sr-only">{t("title")}</caption>
            <thead>
              <tr>
                <th scope="col" className={th}>{t("period")}</th>
                <th scope="col" className={th}>{t("decision")}</th>
                <th scope="col" className={th}>{t("targetYear")}</th>
                <th scope="col" className={th}>{t("note")}</th>
                {editable ? <th scope="col" className={th}>{t("remove")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {plan.strategyDecisions.map((d) => (
                <tr key={d.id}>
                  <th scope="row" className="px-3 py-2 text-left font-medium">{d.period.name}</th>
                  <td className="px-3 py-2">{tEnum(`strategyDecision.${d.decision}`)}</td>
                  <td className="px-3 py-2">{d.targetYear ?? ""}</td>
                  <td className="px-3 py-2">{d.note}</td>
                  {editable ? <td className="px-3 py-2"><ClientMessages namespaces={["plans"]}><RemoveDecisionForm planId={plan.id} periodId={d.period.id} periodName={d.period.name} /></ClientMessages></td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </Section>
  );
}
