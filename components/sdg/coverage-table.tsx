import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { CoverageMatrixPage } from "@/lib/sdg/queries";

// Uncovered goals get a tinted column and the words "Ikke dekket" in the header; printed pages
// keep the tint (print-color-adjust) and the words either way.
const uncoveredTint = "bg-amber-50 [print-color-adjust:exact]";
const cell = "px-2 py-2 text-center tabular-nums print:px-1 print:py-0.5";
const rowHeader = "sticky left-0 z-10 px-3 py-2 text-left print:static print:px-1 print:py-0.5";

/** A count shown as a number (or "–" for none), read out as "2 av 13 delmål". */
function Count({ shown, label, className }: { shown: string; label: string; className: string }) {
  return (
    <td className={`${cell} ${className}`}>
      <span aria-hidden="true">{shown}</span>
      <span className="sr-only">{label}</span>
    </td>
  );
}

/** The goals × plans matrix: column headers lead to each goal's targets; totals at the foot. */
export async function CoverageTable({ matrix, query }: { matrix: CoverageMatrixPage; query: string }) {
  const t = await getTranslations("sdgCoverage");
  const tEnum = await getTranslations("enums");
  const locale = await getLocale();
  const { goals } = matrix;
  return (
    // A scrolling region must take focus so keyboard users can scroll it (WCAG 2.1.1, axe's
    // scrollable-region-focusable); it is named by the caption.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div role="region" aria-labelledby="sdg-matrix-caption" tabIndex={0} className="relative overflow-x-auto rounded border border-gray-300 bg-white print:overflow-visible print:border-0">
      <table className="min-w-full border-collapse text-sm print:text-[7pt]">
        <caption id="sdg-matrix-caption" className="px-3 py-2 text-left font-semibold print:px-0">{t("caption")}</caption>
        <thead className="bg-gray-100 print:table-header-group">
          <tr>
            <th scope="col" className={`${rowHeader} bg-gray-100 align-bottom`}>{t("plan")}</th>
            <th scope="col" className="px-3 py-2 text-left align-bottom print:px-1">{t("type")}</th>
            {goals.map((g) => (
              <th key={g.code} scope="col" className={`min-w-20 px-2 py-2 text-left align-bottom print:min-w-0 print:px-1 ${g.covered ? "" : "bg-amber-100 [print-color-adjust:exact]"}`}>
                <Link href={`/sdg/${g.code}${query}`} className="block text-brand-700 underline underline-offset-2 hover:text-brand-800">
                  <span className="block text-base print:text-[8pt]">{g.code}</span>
                  <span className="block text-xs font-normal print:text-[6pt]">{locale === "nb" ? g.shortNb : g.shortEn}</span>
                </Link>
                {g.covered ? null : <span className="mt-1 block text-xs font-semibold text-amber-900 print:text-[6pt]">{t("notCovered")}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-200">
          {matrix.rows.map(({ plan, counts }) => (
            <tr key={plan.id} className="print:break-inside-avoid">
              <th scope="row" className={`${rowHeader} bg-white font-medium`}>
                <Link href={`/plans/${plan.id}`} className="text-brand-700 underline underline-offset-2 hover:text-brand-800">{plan.title}</Link>
              </th>
              <td className="px-3 py-2 print:px-1 print:py-0.5">{tEnum(`planType.${plan.type}`)}</td>
              {goals.map((g, i) => {
                const n = counts[i] ?? 0;
                const tint = n > 0 ? "bg-sky-100 font-semibold [print-color-adjust:exact]" : g.covered ? "" : uncoveredTint;
                return <Count key={g.code} shown={n > 0 ? String(n) : "–"} label={t("cell", { count: n, total: g.targetCount })} className={tint} />;
              })}
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t-2 border-gray-500 bg-gray-50">
          <tr className="print:break-inside-avoid">
            <th scope="row" colSpan={2} className={`${rowHeader} bg-gray-50`}>{t("totalPlans")}</th>
            {goals.map((g) => <td key={g.code} className={`${cell} ${g.covered ? "" : uncoveredTint}`}>{g.planCount}</td>)}
          </tr>
          <tr className="print:break-inside-avoid">
            <th scope="row" colSpan={2} className={`${rowHeader} bg-gray-50`}>{t("totalTargets")}</th>
            {goals.map((g) => (
              <Count key={g.code} shown={`${g.coveredTargets} / ${g.targetCount}`} label={t("targetsCovered", { covered: g.coveredTargets, total: g.targetCount })} className={`whitespace-nowrap ${g.covered ? "" : uncoveredTint}`} />
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
