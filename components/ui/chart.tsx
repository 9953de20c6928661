// A chart drawn on the server (lib/charts/render.ts) in a figure: its caption, the SVG (with its
// text alternative), a legend that shows each series' pattern as well as its colour, and the same
// figures as a table (children) for screen readers, print and anyone who prefers numbers.
import type { ReactNode } from "react";
import { chartFill } from "@/lib/charts/render";

type Props = {
  /** The same id as given to renderChartSvg (pattern ids derive from it). */
  id: string;
  caption: string;
  svg: string;
  /** Series names in the order of their fills (chartFill(id, i)). */
  legend?: string[];
  /** The table with the chart's figures. */
  children: ReactNode;
};

export function Chart({ id, caption, svg, legend, children }: Props) {
  return (
    <figure aria-labelledby={`${id}-caption`} className="chart mb-6 break-inside-avoid rounded border border-gray-300 bg-white p-4">
      <figcaption id={`${id}-caption`} className="mb-2 font-semibold text-gray-900">{caption}</figcaption>
      {legend?.length ? (
        <ul className="mb-2 flex flex-wrap gap-x-5 gap-y-1 text-sm text-gray-900" aria-label={caption}>
          {legend.map((name, i) => (
            <li key={name} className="flex items-center gap-2">
              {/* The fill refers to the chart's own pattern defs (ids are page-wide). */}
              <svg width="18" height="18" aria-hidden="true" focusable="false" className="shrink-0 border border-gray-700"><rect width="18" height="18" fill={chartFill(id, i)} /></svg>
              {name}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="chart-svg" dangerouslySetInnerHTML={{ __html: svg }} />
      <div className="mt-4">{children}</div>
    </figure>
  );
}
