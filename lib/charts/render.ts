// Charts drawn on the server: Observable Plot builds the SVG in a linkedom document, the page sends
// it as markup. No chart code reaches the browser, the SVG prints, and the data stays in SQL-sized
// aggregates (docs/decisions/034-server-rendered-charts.md). Every chart also gets a table of the
// same figures, a text alternative and fill patterns, so no meaning rests on colour alone.

import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";

export { Plot };

/** Fills that differ in pattern as well as colour (colour-blind and black-and-white print safe). */
export const CHART_FILLS = [
  { colour: "#1e4f8f", pattern: "solid" },
  { colour: "#c2410c", pattern: "diagonal" },
  { colour: "#15803d", pattern: "dots" },
  { colour: "#6b21a8", pattern: "cross" },
  { colour: "#525252", pattern: "horizontal" },
  { colour: "#b45309", pattern: "vertical" },
] as const;

type Shape = { tag: "path" | "circle"; attrs: Record<string, string> };
const line = (d: string, width = "1.6"): Shape => ({ tag: "path", attrs: { d, stroke: "#fff", "stroke-width": width } });

// The pattern's marks, drawn in white over the colour on an 8×8 tile.
const MARKS: Record<(typeof CHART_FILLS)[number]["pattern"], Shape[]> = {
  solid: [],
  diagonal: [line("M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4")],
  dots: [{ tag: "circle", attrs: { cx: "4", cy: "4", r: "1.6", fill: "#fff" } }],
  cross: [line("M0,0 L8,8 M8,0 L0,8", "1.2")],
  horizontal: [line("M0,4 H8")],
  vertical: [line("M4,0 V8")],
};

/** The fill of the `i`-th series of the chart whose patterns are prefixed `prefix`. */
export const chartFill = (prefix: string, i: number) => `url(#${prefix}-fill-${i % CHART_FILLS.length})`;

const SVG_NS = "http://www.w3.org/2000/svg";

// Built with createElementNS: parsed as HTML, "patternUnits" would be lower-cased and ignored.
function appendPatterns(svg: Element, prefix: string) {
  const doc = svg.ownerDocument;
  const el = (tag: string, attrs: Record<string, string>) => {
    const node = doc.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    return node;
  };
  const defs = el("defs", {});
  CHART_FILLS.forEach((f, i) => {
    const pattern = el("pattern", { id: `${prefix}-fill-${i}`, width: "8", height: "8", patternUnits: "userSpaceOnUse" });
    pattern.appendChild(el("rect", { width: "8", height: "8", fill: f.colour }));
    for (const shape of MARKS[f.pattern]) pattern.appendChild(el(shape.tag, shape.attrs));
    defs.appendChild(pattern);
  });
  svg.insertBefore(defs, svg.firstChild);
}

/** Tick values for a count axis from 0 to `max`: every whole number up to 10, else Plot's own (whole) ticks. */
export function countTicks(max: number): number[] | undefined {
  return max <= 10 ? Array.from({ length: Math.max(1, max) + 1 }, (_, i) => i) : undefined;
}

export type ChartSvgOptions = {
  /** Prefix for the pattern ids: unique on the page ("overview-due"). */
  id: string;
  /** The text alternative: what the chart shows, in a sentence. */
  label: string;
};

/** Renders a Plot chart to SVG markup with role="img", its label and the pattern fills. */
export function renderChartSvg(options: Plot.PlotOptions, { id, label }: ChartSvgOptions): string {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const chart = Plot.plot({ ...options, document: document as unknown as Document, style: { fontFamily: "inherit", fontSize: "13px", overflow: "visible", ...(typeof options.style === "object" ? options.style : {}) } });
  const svg = chart.tagName.toLowerCase() === "svg" ? chart : chart.querySelector("svg");
  if (!svg) throw new Error("Plot made no SVG");
  svg.setAttribute("role", "img");
  // linkedom escapes only quotes in attributes: an "&" in the label must not start an entity.
  svg.setAttribute("aria-label", label.replace(/&/g, "&amp;"));
  svg.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  svg.setAttribute("id", `${id}-svg`);
  // Plot names its groups with aria-label ("bar", "x-axis tick"): not allowed on a <g> without a
  // role, and meaningless inside an image whose label says it all.
  for (const el of [svg, ...svg.querySelectorAll("[aria-label], [aria-description]")]) {
    if (el !== svg) el.removeAttribute("aria-label");
    el.removeAttribute("aria-description");
  }
  // The pattern defs go first in the SVG, so the bars can refer to them.
  appendPatterns(svg, id);
  return svg.outerHTML;
}
