import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DateText } from "@/components/ui/date-text";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { updateDraftItemAction, removeDraftPlanAction } from "@/lib/periods/draft/actions";
import type { DraftRow as Row } from "@/lib/periods/draft/queries";
import { DraftRow } from "./draft-row";
import { RemoveNewPlan } from "./remove-new-plan";

const cell = "px-2 py-2";

/** One page of the draft planprogram: editable rows for editors, the same table read-only for others. */
export async function DraftTable({ periodId, rows, editable, newPlans, caption }: { periodId: number; rows: Row[]; editable: boolean; newPlans: { id: number; title: string }[]; caption: string }) {
  const t = await getTranslations("periods.draft");
  const tEnum = await getTranslations("enums");
  const notSet = (await getTranslations("common"))("notSet");
  type Column = "select" | "plan" | "type" | "due" | "reason" | "decision" | "targetYear" | "unit" | "absorbedBy" | "save";
  const columns: Column[] = [...(editable ? (["select"] as const) : []), "plan", "type", "due", "reason", "decision", "targetYear", "unit", "absorbedBy", ...(editable ? (["save"] as const) : [])];
  const reason = (r: Row) => t(`reasons.${r.reason}`, { date: r.dueOn ? r.dueOn.toISOString().slice(0, 4) : "" });
  const leading = (r: Row) => (
    <>
      {editable ? (
        <td className={cell}>
          <input type="checkbox" form="draft-bulk" name="itemIds" value={r.id} aria-label={t("selectRow", { plan: r.title })} className="h-5 w-5" />
        </td>
      ) : null}
      <th scope="row" className={`${cell} text-left font-medium`}>
        {r.planId ? <Link href={`/plans/${r.planId}`} className="ds-link">{r.title}</Link> : r.title}
        {r.planId === null ? <span className="ds-tag ml-2" data-color="neutral" data-size="sm">{t("newBadge")}</span> : null}
        {r.absorbs > 0 ? <span className="block text-sm font-normal text-gray-700">{t("absorbsCount", { count: r.absorbs })}</span> : null}
      </th>
      <td className={cell}>{tEnum(`planType.${r.type}`)}</td>
      <td className={`${cell} whitespace-nowrap`}><DateText value={r.dueOn} /></td>
      <td className={`${cell} max-w-xs`}>
        {r.flagged ? <span className="mr-1 font-semibold">⚑ {t("flagged")}:</span> : null}
        {reason(r)}
      </td>
    </>
  );
  return (
    <ScrollRegion label={caption} className="overflow-x-auto rounded border border-[var(--ds-color-neutral-border-subtle)] bg-[var(--ds-color-neutral-background-default)] print:overflow-visible">
      <table className="ds-table" data-size="sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>{columns.map((c) => <th key={c} scope="col" className={`${cell} text-left font-semibold`}>{t(`columns.${c}`)}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((r) =>
            editable ? (
              <DraftRow
                key={r.id}
                periodId={periodId}
                action={updateDraftItemAction}
                newPlans={newPlans}
                row={{ id: r.id, version: r.version, isNew: r.planId === null, title: r.title, decision: r.decision, targetYear: r.targetYear, responsibleUnit: r.responsibleUnit, absorbedById: r.absorbedById }}
                leading={leading(r)}
                trailing={<RemoveNewPlan action={removeDraftPlanAction} periodId={periodId} itemId={r.id} version={r.version} title={r.title} />}
              />
            ) : (
              <tr key={r.id} className="break-inside-avoid align-top" data-draft-row={r.id}>
                {leading(r)}
                <td className={cell}>{r.decision ? tEnum(`strategyDecision.${r.decision}`) : t("undecided")}</td>
                <td className={`${cell} tabular-nums`}>{r.targetYear ?? notSet}</td>
                <td className={cell}>{r.responsibleUnit ?? notSet}</td>
                <td className={cell}>{r.absorbedByTitle ?? ""}</td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
