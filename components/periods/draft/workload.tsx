import { getTranslations } from "next-intl/server";
import { ScrollRegion } from "@/components/ui/scroll-region";
import type { Workload } from "@/lib/periods/draft/queries";
import { patternDefs, patternId, workloadChartSvg } from "@/lib/periods/draft/workload-chart";

/** How many plans each unit must revise or make each year: the stacked bar chart, its legend and the same figures as a table. */
export async function WorkloadView({ workload }: { workload: Workload }) {
  const t = await getTranslations("periods.draft.workload");
  const n = (unit: string, year: number) => workload.cells.find((c) => c.unit === unit && c.year === year)?.n ?? 0;
  const yearTotal = (year: number) => workload.units.reduce((s, u) => s + n(u, year), 0);
  const unitTotal = (unit: string) => workload.years.reduce((s, y) => s + n(unit, y), 0);
  const total = workload.years.reduce((s, y) => s + yearTotal(y), 0);
  const summary = t("summary", { total, years: workload.years.map((y) => `${y}: ${yearTotal(y)}`).join(", ") });
  if (total === 0) return <p className="text-gray-700" data-testid="workload-empty">{t("empty")}{workload.withoutYear ? ` ${t("withoutYear", { count: workload.withoutYear })}` : ""}</p>;
  const svg = workloadChartSvg(workload, summary, { x: t("axisYear"), y: t("axisPlans") });
  return (
    <div className="grid grid-cols-1 gap-6 xl:grid-cols-2 print:grid-cols-1">
      <figure className="break-inside-avoid rounded border border-[var(--ds-color-neutral-border-subtle)] bg-[var(--ds-color-neutral-background-default)] p-3" aria-labelledby="workload-figcaption">
        {/* Drawn on the server from our own numbers and labels; nothing user-typed but the units, which the SVG writer escapes. */}
        <div data-testid="workload-chart" dangerouslySetInnerHTML={{ __html: svg }} />
        <figcaption id="workload-figcaption" className="mt-2 text-sm text-gray-800">{summary}</figcaption>
        <svg width="0" height="0" aria-hidden="true" className="absolute"><defs dangerouslySetInnerHTML={{ __html: patternDefs().replaceAll('id="workload-pattern-', 'id="legend-pattern-') }} /></svg>
        <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label={t("legend")}>
          {workload.units.map((u, i) => (
            <li key={u} className="inline-flex items-center gap-2">
              <svg width="18" height="18" aria-hidden="true"><rect width="18" height="18" fill={`url(#${patternId(i % 8).replace("workload-", "legend-")})`} stroke="#111827" /></svg>
              {u}
            </li>
          ))}
        </ul>
      </figure>
      <ScrollRegion label={t("caption")} className="overflow-x-auto rounded border border-[var(--ds-color-neutral-border-subtle)] bg-[var(--ds-color-neutral-background-default)] print:overflow-visible">
        <table className="ds-table" data-size="sm" data-testid="workload-table">
          <caption className="sr-only">{t("caption")}</caption>
          <thead>
            <tr>
              <th scope="col" className="px-3 py-2 text-left font-semibold">{t("unit")}</th>
              {workload.years.map((y) => <th key={y} scope="col" className="px-3 py-2 text-right font-semibold tabular-nums">{y}</th>)}
              <th scope="col" className="px-3 py-2 text-right font-semibold">{t("total")}</th>
            </tr>
          </thead>
          <tbody>
            {workload.units.map((u) => (
              <tr key={u}>
                <th scope="row" className="px-3 py-2 text-left font-medium">{u}</th>
                {workload.years.map((y) => <td key={y} className="px-3 py-2 text-right tabular-nums">{n(u, y)}</td>)}
                <td className="px-3 py-2 text-right font-semibold tabular-nums">{unitTotal(u)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot className="border-t-2 border-gray-400">
            <tr>
              <th scope="row" className="px-3 py-2 text-left font-semibold">{t("total")}</th>
              {workload.years.map((y) => <td key={y} className="px-3 py-2 text-right font-semibold tabular-nums">{yearTotal(y)}</td>)}
              <td className="px-3 py-2 text-right font-semibold tabular-nums">{total}</td>
            </tr>
          </tfoot>
        </table>
        {workload.withoutYear ? <p className="p-3 text-sm text-gray-800">{t("withoutYear", { count: workload.withoutYear })}</p> : null}
      </ScrollRegion>
    </div>
  );
}
