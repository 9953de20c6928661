// A planning strategy's completion as a chart: per decision kind, decisions carried out, in
// progress and not carried out, with the share carried out written at the end of each bar. The
// figures are the completion table's, which the chart carries under it.
import { getFormatter, getTranslations } from "next-intl/server";
import { Chart } from "@/components/ui/chart";
import { Plot, chartFill, countTicks, renderChartSvg } from "@/lib/charts/render";
import { decisionKinds, outcomes, type Completion } from "@/lib/periods/completion";
import { CompletionTable } from "./completion-table";

export async function CompletionChart({ completion, id = "completion-chart" }: { completion: Completion; id?: string }) {
  const t = await getTranslations("periods.completionChart");
  const tKind = await getTranslations("enums.strategyDecision");
  const tOutcome = await getTranslations("outcome");
  const format = await getFormatter();
  const outcomeNames = outcomes.map((o) => tOutcome(o));
  const kinds = decisionKinds.map((k) => ({ kind: k, name: tKind(k), ...completion.byKind[k] }));
  const rows = kinds.flatMap((k) => outcomes.map((o, i) => ({ kind: k.name, outcome: outcomeNames[i]!, n: k[o] })));
  const share = (r: { rate: number | null; done: number; total: number }) =>
    r.rate === null ? t("none") : t("share", { rate: format.number(r.rate, { style: "percent", maximumFractionDigits: 0 }), done: r.done, total: r.total });
  const label = t("alt", { parts: kinds.map((k) => `${k.name}: ${share(k)}`).join("; ") });
  const svg = renderChartSvg(
    {
      width: 640,
      height: 60 + kinds.length * 44,
      marginLeft: 110,
      marginRight: 150,
      x: { label: t("xAxis"), grid: true, ticks: countTicks(Math.max(...kinds.map((k) => k.total))), tickFormat: "d" },
      y: { type: "band", domain: kinds.map((k) => k.name), label: null, padding: 0.25 },
      color: { domain: outcomeNames, range: outcomeNames.map((_, i) => chartFill(id, i)) },
      marks: [
        Plot.barX(rows, { y: "kind", x: "n", fill: "outcome", order: outcomeNames, stroke: "#1f2937", strokeWidth: 0.5 }),
        Plot.text(kinds, { y: "name", x: "total", text: (k: (typeof kinds)[number]) => share(k), textAnchor: "start", dx: 6, fill: "#111827" }),
        Plot.ruleX([0], { stroke: "#1f2937" }),
      ],
    },
    { id, label },
  );
  return (
    <Chart id={id} caption={t("caption")} svg={svg} legend={outcomeNames}>
      <CompletionTable completion={completion} />
    </Chart>
  );
}
