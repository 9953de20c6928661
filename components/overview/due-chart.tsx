// The overview's chart: active plans falling due per year, stacked by status, with the election
// periods marked; the same figures as a table under it.
import { getLocale, getTranslations } from "next-intl/server";
import { Chart } from "@/components/ui/chart";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { Plot, chartFill, countTicks, renderChartSvg } from "@/lib/charts/render";
import { periodLabel } from "@/lib/schedule/election";
import { dueChartStatuses, type DueByYear } from "@/lib/schedule/due-by-year";
import { cachedPageData } from "@/lib/page-data-cache";

const ID = "due-chart";
const WIDTH = 640;
const MARGIN = { left: 40, right: 10 };

export async function DueChart({ data }: { data: DueByYear }) {
  const t = await getTranslations("overview.dueChart");
  const tStatus = await getTranslations("enums.planStatus");
  const first = data.years[0]!.year;
  const last = data.years.at(-1)!.year;
  const yearLabel = (year: number) => (year === first && data.earlierInFirst ? t("orEarlier", { year }) : year === last && data.laterInLast ? t("orLater", { year }) : String(year));
  const statusNames = dueChartStatuses.map((s) => tStatus(s));
  const rows = data.years.flatMap((y) => dueChartStatuses.map((s, i) => ({ year: String(y.year), status: statusNames[i]!, n: y.counts[s] })));
  const band = (WIDTH - MARGIN.left - MARGIN.right) / data.years.length;
  const domain = data.years.map((y) => String(y.year));
  const inRange = (year: number) => Math.min(last, Math.max(first, year));
  const busiest = data.years.reduce((a, b) => (b.total > a.total ? b : a));
  const top = Math.max(1, busiest.total);
  const label = data.total === 0
    ? t("altEmpty")
    : t("alt", { total: data.total, from: yearLabel(first), to: yearLabel(last), busiest: yearLabel(busiest.year), most: busiest.total });
  // Drawn once per tenant, register version, day, language and figures (decision 060): Plot
  // through linkedom costs milliseconds, and the figures only change with the register.
  const svg = await cachedPageData({ page: "due-chart", role: "any", locale: await getLocale(), params: data }, async () => renderChartSvg(
    {
      width: WIDTH,
      height: 300,
      marginTop: 34,
      marginLeft: MARGIN.left,
      marginRight: MARGIN.right,
      x: { type: "band", domain, padding: 0, label: null, tickFormat: (y: string) => (y === String(first) && data.earlierInFirst ? `≤${y}` : y === String(last) && data.laterInLast ? `≥${y}` : y) },
      // Whole plans only: no more ticks than the tallest bar has plans. The caption names the unit.
      y: { label: null, grid: true, domain: [0, top], ticks: countTicks(top), tickFormat: "d" },
      color: { domain: statusNames, range: statusNames.map((_, i) => chartFill(ID, i)) },
      marks: [
        // Election periods: alternate shading, a dashed line where one begins, and its name on top.
        Plot.barY(data.periods.flatMap((p, i) => (i % 2 ? [] : Array.from({ length: p.endYear - p.startYear + 1 }, (_, k) => p.startYear + k).filter((y) => y >= first && y <= last).map(String))), { x: (d: string) => d, y1: 0, y2: top, fill: "#e5eaf1", inset: 0 }),
        Plot.ruleX(data.periods.filter((p) => p.startYear > first && p.startYear <= last).map((p) => String(p.startYear)), { dx: -band / 2, stroke: "#4b5563", strokeDasharray: "4,3" }),
        Plot.text(data.periods.filter((p) => inRange(p.endYear) - inRange(p.startYear) >= 1), { x: (p: { startYear: number }) => String(inRange(p.startYear)), text: (p: { startYear: number; endYear: number }) => periodLabel(p), frameAnchor: "top", textAnchor: "start", dx: -band / 2 + 4, dy: -22, fill: "#1f2937" }),
        Plot.barY(rows, { x: "year", y: "n", fill: "status", order: statusNames, inset: Math.min(8, band * 0.15), stroke: "#1f2937", strokeWidth: 0.5 }),
        Plot.text(data.years.filter((y) => y.total > 0), { x: (y: { year: number }) => String(y.year), y: "total", text: (y: { total: number }) => String(y.total), dy: -7, fill: "#111827", fontWeight: 600 }),
        Plot.ruleY([0], { stroke: "#1f2937" }),
      ],
    },
    { id: ID, label },
  ));
  return (
    <Chart id={ID} caption={t("caption")} svg={svg} legend={statusNames}>
      <p className="text-sm text-gray-700">{t("periodsNote")}</p>
      <ScrollRegion label={t("tableCaption")} className="overflow-x-auto">
        <table className="ds-table" data-size="sm" data-testid="due-chart-table">
          <caption className="sr-only">{t("tableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col" className="px-3 py-2 text-left font-semibold">{t("year")}</th>
              <th scope="col" className="px-3 py-2 text-left font-semibold">{t("electionPeriod")}</th>
              {statusNames.map((s) => <th key={s} scope="col" className="px-3 py-2 text-right font-semibold">{s}</th>)}
              <th scope="col" className="px-3 py-2 text-right font-semibold">{t("total")}</th>
            </tr>
          </thead>
          <tbody>
            {data.years.map((y) => {
              const period = data.periods.find((p) => y.year >= p.startYear && y.year <= p.endYear);
              return (
                <tr key={y.year} data-year={y.year}>
                  <th scope="row" className="px-3 py-2 text-left font-medium">{yearLabel(y.year)}</th>
                  <td className="px-3 py-2">{period ? periodLabel(period) : ""}</td>
                  {dueChartStatuses.map((s) => <td key={s} className="px-3 py-2 text-right tabular-nums">{y.counts[s]}</td>)}
                  <td className="px-3 py-2 text-right font-semibold tabular-nums">{y.total}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
    </Chart>
  );
}
