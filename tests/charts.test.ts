import { describe, expect, it } from "vitest";
import { CHART_FILLS, Plot, chartFill, countTicks, renderChartSvg } from "@/lib/charts/render";

describe("server-rendered charts", () => {
  it("render Plot marks to one SVG with role img, the text alternative and the pattern fills", () => {
    const data = [{ year: 2027, state: "a", n: 3 }, { year: 2027, state: "b", n: 2 }, { year: 2028, state: "a", n: 5 }];
    const svg = renderChartSvg(
      { color: { domain: ["a", "b"], range: [chartFill("t", 0), chartFill("t", 1)] }, marks: [Plot.barY(data, { x: "year", y: "n", fill: "state" })] },
      { id: "t", label: "Planer som forfaller: 10 i alt" },
    );
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-label="Planer som forfaller: 10 i alt"');
    for (let i = 0; i < CHART_FILLS.length; i++) expect(svg).toContain(`id="t-fill-${i}"`);
    // Case matters in SVG: a lower-cased patternunits would be ignored and the pattern lost.
    expect(svg.match(/patternUnits="userSpaceOnUse"/g)?.length).toBe(CHART_FILLS.length);
    expect(svg).toContain('fill="url(#t-fill-1)"');
    expect(svg.match(/<rect[^>]*fill="url\(#t-fill-/g)?.length).toBe(3);
    expect(svg).not.toContain("<script");
    // The only ARIA name is the image's own (axe: aria-label is not allowed on a <g>).
    expect(svg.match(/aria-label=/g)?.length).toBe(1);
  });

  it("escape data and labels: a title with markup stays text", () => {
    const svg = renderChartSvg(
      { marks: [Plot.barY([{ x: "<script>alert(1)</script>", y: 1 }], { x: "x", y: "y" })] },
      { id: "e", label: `«Plan» & "sitat" <b>` },
    );
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;script&gt;");
    expect(svg).toContain('aria-label="«Plan» &amp; &quot;sitat&quot; <b>"');
  });

  it("count axes tick at whole numbers", () => {
    expect(countTicks(3)).toEqual([0, 1, 2, 3]);
    expect(countTicks(0)).toEqual([0, 1]);
    expect(countTicks(500)).toBeUndefined();
  });
});
