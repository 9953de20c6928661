// The preview's rows: row number, plan, result, and per row the field changes (old → new) or the
// errors, each next to its field's name.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { fieldValueText } from "@/components/plans/field-value";
import type { FieldChange } from "@/lib/plans/snapshot";
import { COLUMN_KEYS } from "@/lib/spreadsheet/columns";
import type { RowError, RowKind } from "@/lib/import/classify";

export type PreviewRow = { rowNumber: number; kind: string; planId: number | null; baseVersion: number | null; title: string; changes: FieldChange[]; errors: RowError[] };

const KIND_STYLE: Record<RowKind, string> = {
  new: "bg-green-50 text-green-900", changed: "bg-blue-50 text-blue-900", unchanged: "text-gray-800", conflict: "bg-amber-50 text-amber-900", error: "bg-red-50 text-red-900",
};

export async function PreviewTable({ rows, ownerNames }: { rows: PreviewRow[]; ownerNames: Map<number, string> }) {
  const t = await getTranslations();
  const value = await fieldValueText(ownerNames);
  const empty = t("plans.history.empty");
  // Errors name the file's columns; changes name the plan's fields (ownerId, publicDraft).
  const fieldName = (f: string) =>
    f === "row" ? t("import.preview.row") : (COLUMN_KEYS as readonly string[]).includes(f) ? t(`spreadsheet.columns.${f as "title"}`) : t(`plans.fields.${f as "publicDraft"}`);
  const show = (c: FieldChange, v: unknown): string => {
    if (Array.isArray(v) && v.length === 0) return empty;
    switch (c.field) {
      case "targets": return (v as string[]).join("; ");
      case "documents": return (v as { label: string; url: string }[]).map((d) => `${d.label} | ${d.url}`).join("; ");
      case "relations": return (v as { kind: "replaces"; toPlanId: number }[]).map((r) => `${t(`enums.relationOutgoing.${r.kind}`).toLowerCase()}: ${r.toPlanId}`).join("; ");
      default: return value(c.field, v);
    }
  };
  return (
    <ScrollRegion label={t("import.preview.caption")} className="mb-4">
      <table className="ds-table" data-size="sm">
        <caption className="sr-only">{t("import.preview.caption")}</caption>
        <thead>
          <tr>
            <th scope="col" className="px-3 py-2">{t("import.preview.row")}</th>
            <th scope="col" className="px-3 py-2">{t("import.preview.plan")}</th>
            <th scope="col" className="px-3 py-2">{t("import.preview.kind")}</th>
            <th scope="col" className="px-3 py-2">{t("import.preview.details")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.rowNumber} className="border-t border-gray-200 align-top">
              <th scope="row" className="px-3 py-2 text-left font-medium">{r.rowNumber}</th>
              <td className="px-3 py-2">{r.planId ? <Link href={`/plans/${r.planId}`} className="ds-link">{r.title}</Link> : r.title}</td>
              <td className="px-3 py-2"><span className={`rounded px-2 py-0.5 font-medium ${KIND_STYLE[r.kind as RowKind] ?? ""}`}>{t(`import.preview.kinds.${r.kind as RowKind}`)}</span></td>
              <td className="px-3 py-2">
                {r.kind === "conflict" ? <p className="mb-1">{t("import.preview.conflictNote", { version: r.baseVersion ?? 0 })}</p> : null}
                {r.errors.length ? (
                  <ul className="list-disc pl-5 text-red-900">{r.errors.map((e, i) => <li key={i}><span className="font-medium">{fieldName(e.field)}</span>: {e.message}</li>)}</ul>
                ) : r.kind === "changed" || r.kind === "conflict" || r.kind === "new" ? (
                  <ul className="space-y-0.5">
                    {r.changes.filter((c) => r.kind !== "new" || show(c, c.to) !== empty).map((c) => (
                      <li key={c.field}><span className="font-medium">{fieldName(c.field)}</span>: {r.kind === "new" ? show(c, c.to) : <>{show(c, c.from)} → {show(c, c.to)}</>}</li>
                    ))}
                  </ul>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
