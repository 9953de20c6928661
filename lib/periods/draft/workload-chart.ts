// The workload as a stacked bar chart per year, drawn on the server as SVG with Observable Plot
// (decision 033). Each unit has a fill pattern as well as a colour, and each segment its number,
// so the chart reads without colour and in black-and-white print; the table beside it has the data.
import "server-only";
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import type { Workload } from "./queries";

/** Fill patterns, one per unit (at most 8 units are drawn: queries.getWorkload folds the rest). */
const PATTERNS = [
  { colour: "#c7d2fe", path: "M0,8 L8,0" },
  { colour: "#fde68a", path: "M0,0 L8,8" },
  { colour: "#bbf7d0", path: "M4,0 L4,8" },
  { colour: "#fecaca", path: "M0,4 L8,4" },
  { colour: "#e9d5ff", path: "M0,8 L8,0 M0,0 L8,8" },
  { colour: "#bae6fd", path: "M0,4 L8,4 M4,0 L4,8" },
  { colour: "#fed7aa", path: "M2,2 h1 v1 h-1 z M6,6 h1 v1 h-1 z" },
  { colour: "#e5e7eb", path: "" },
] as const;

export const patternId = (i: number) => `workload-pattern-${i}`;

/** The <defs> with the fill patterns (also used by the legend's swatches). */
export function patternDefs(): string {
  return PATTERNS.map((p, i) =>
    `<pattern id="${patternId(i)}" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="${p.colour}"/>${p.path ? `<path d="${p.path}" stroke="#111827" stroke-width="1.2"/>` : ""}</pattern>`,
  ).join("");
}

const escapeAttribute = (v: string) => v.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** The chart as an SVG string, labelled by `label` (the text alternative is the table beside it). */
export function workloadChartSvg(workload: Workload, label: string, axis: { x: string; y: string }): string {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const data = workload.cells.filter((c) => c.n > 0);
  const totals = workload.years.map((year) => ({ year, n: data.filter((c) => c.year === year).reduce((s, c) => s + c.n, 0) }));
  const max = Math.max(1, ...totals.map((t) => t.n));
  const svg = Plot.plot({
    document,
    width: 640,
    height: 320,
    marginTop: 24,
    style: { fontSize: "13px", color: "#111827" },
    x: { type: "band", domain: workload.years, label: axis.x, tickFormat: (d: number) => String(d) },
    y: { label: axis.y, grid: true, domain: [0, Math.ceil(max * 1.15)], tickFormat: (d: number) => (Number.isInteger(d) ? String(d) : "") },
    color: { domain: workload.units, range: workload.units.map((_, i) => `url(#${patternId(i % PATTERNS.length)})`) },
    marks: [
      Plot.barY(data, { x: "year", y: "n", fill: "unit", stroke: "#111827", strokeWidth: 1, inset: 0 }),
      Plot.text(data, Plot.stackY({ x: "year", y: "n", z: "unit", text: (d: { n: number }) => String(d.n), fill: "#111827", stroke: "white", strokeWidth: 4, paintOrder: "stroke", fontWeight: "bold" })),
      Plot.text(totals, { x: "year", y: "n", text: (d: { n: number }) => String(d.n), dy: -10, fontWeight: "bold" }),
      Plot.ruleY([0]),
    ],
  }) as unknown as { outerHTML: string };
  // The SVG is one image with one label: Plot's labels on its groups are not allowed on a <g>
  // without a role (axe: aria-prohibited-attr), and inside role="img" nobody reads them.
  const markup = svg.outerHTML.replace(/ aria-(?:label|description|hidden)="[^"]*"/g, "");
  return markup.replace(/^<svg([^>]*)>/, `<svg$1 role="img" aria-label="${escapeAttribute(label)}"><defs>${patternDefs()}</defs>`);
}
