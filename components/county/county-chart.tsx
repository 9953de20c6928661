// The county at a glance: how many municipalities are in each planning-strategy state, as a
// server-rendered bar chart (lib/charts/render.ts) with the same figures in a table beside it.
import { getTranslations } from "next-intl/server";
import { Chart } from "@/components/ui/chart";
import { Plot, chartFill, countTicks, renderChartSvg } from "@/lib/charts/render";
import { countByState, strategyStates, type CountyFigure } from "@/lib/county/figures";

// The SVG depends only on the labels and the counts, which change rarely: Plot and linkedom take
// tens of milliseconds a chart, the largest part of the page's time. Bounded (decision 041).
const drawn = new Map<string, string>();
const MAX_DRAWN = 100;

export async function CountyChart({ figures, id = "county-chart" }: { figures: CountyFigure[]; id?: string }) {
  const t = await getTranslations("county.chart");
  const tState = await getTranslations("county.state");
  const counts = countByState(figures);
  const rows = strategyStates.map((s) => ({ state: tState(s), n: counts[s] }));
  const names = rows.map((r) => r.state);
  const key = JSON.stringify([id, t("alt", { parts: "" }), rows]);
  const svg = drawn.get(key) ?? renderChartSvg(
    {
      width: 640,
      height: 60 + rows.length * 36,
      marginLeft: 190,
      marginRight: 40,
      x: { label: t("xAxis"), grid: true, ticks: countTicks(Math.max(1, ...rows.map((r) => r.n))), tickFormat: "d" },
      y: { type: "band", domain: names, label: null, padding: 0.25 },
      color: { domain: names, range: names.map((_, i) => chartFill(id, i)) },
      marks: [
        Plot.barX(rows, { y: "state", x: "n", fill: "state", stroke: "#1f2937", strokeWidth: 0.5 }),
        Plot.text(rows, { y: "state", x: "n", text: (r: (typeof rows)[number]) => String(r.n), textAnchor: "start", dx: 6, fill: "#111827" }),
        Plot.ruleX([0], { stroke: "#1f2937" }),
      ],
    },
    { id, label: t("alt", { parts: rows.map((r) => `${r.state}: ${r.n}`).join("; ") }) },
  );
  if (!drawn.has(key)) {
    if (drawn.size >= MAX_DRAWN) drawn.clear();
    drawn.set(key, svg);
  }
  return (
    <Chart id={id} caption={t("caption", { total: figures.length })} svg={svg} legend={names}>
      <table className="ds-table" data-size="sm">
        <caption className="sr-only">{t("caption", { total: figures.length })}</caption>
        <thead><tr><th scope="col">{t("state")}</th><th scope="col" className="text-right">{t("count")}</th></tr></thead>
        <tbody>
          {rows.map((r) => <tr key={r.state}><th scope="row" className="font-normal">{r.state}</th><td className="text-right tabular-nums">{r.n}</td></tr>)}
        </tbody>
      </table>
    </Chart>
  );
}
