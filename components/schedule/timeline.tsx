// The revision timeline, drawn on the server with plain HTML and CSS (no chart library, no
// client JavaScript). It is hidden from assistive technology: the table beside it carries the
// same content, so it holds no links or controls.
import { getTranslations } from "next-intl/server";
import { dueState, type DueState } from "@/lib/schedule/due";
import { periodLabel } from "@/lib/schedule/election";
import { timelineBar, type TimelineAxis } from "@/lib/schedule/timeline";
import type { ScheduleRow } from "@/lib/schedule/queries";

const barColour: Record<DueState, string> = { overdue: "bg-red-700", soon: "bg-amber-600", later: "bg-brand-700", none: "bg-gray-500" };
const pct = (x: number) => `${(x * 100).toFixed(3)}%`;

// Election periods as alternating bands: one gradient, shared by every row.
function bands(axis: TimelineAxis): string {
  const stops = axis.periods.map((p, i) => `${i % 2 ? "#ffffff" : "#eef2f7"} ${pct(p.start)} ${pct(p.end)}`);
  return `linear-gradient(to right, ${stops.join(", ")})`;
}

export async function Timeline({ plans, axis, today, showPeriods }: { plans: ScheduleRow[]; axis: TimelineAxis; today: Date; showPeriods: boolean }) {
  const t = await getTranslations("schedule");
  const tState = await getTranslations("dueState");
  const background = { backgroundImage: bands(axis) };
  return (
    <div aria-hidden="true" className="print-exact mb-4 overflow-hidden rounded border border-gray-300 bg-white p-3 text-xs text-gray-900" data-testid="timeline">
      {/* On a phone each plan's name has a line of its own above its bar, so it can be read whole. */}
      <div className="grid grid-cols-1 gap-x-3 sm:grid-cols-[minmax(7rem,15rem)_1fr]">
        <div className="hidden sm:block" />
        <div className="relative h-10 border-b border-gray-400" style={background}>
          {showPeriods
            ? axis.periods.map((p) => (
                // On a phone the period names would be cut to "20…": the year labels below name the periods' first years.
                <span key={p.startYear} className="absolute top-0 hidden truncate px-1 font-semibold text-gray-800 sm:block" style={{ left: pct(p.start), width: pct(p.end - p.start) }}>{periodLabel(p)}</span>
              ))
            : null}
          {/* On a phone only the years an election period begins are labelled (in full), so labels never overlap. */}
          {axis.years.map((y) => {
            const periodStart = axis.periods.some((p) => p.startYear === y.year);
            return (
              <span key={y.year} className={`absolute bottom-0 border-l border-gray-400 pl-0.5 text-gray-700 ${periodStart ? "" : "hidden sm:inline"}`} style={{ left: pct(y.at) }} data-year={y.year}>
                {periodStart ? <span className="sm:hidden">{y.year}</span> : null}
                <span className="hidden sm:inline">{String(y.year).slice(2)}</span>
              </span>
            );
          })}
          <span className="absolute -top-0.5 bottom-0 border-l-2 border-gray-900" style={{ left: pct(axis.today) }} />
        </div>
        {plans.map((plan) => {
          const bar = timelineBar(plan, axis, today);
          const state = dueState(plan.revisionDueOn, today);
          return (
            <div key={plan.id} className="contents">
              <div className="flex items-center justify-between gap-2 pt-1 sm:border-b sm:border-gray-100 sm:py-1">
                <span className="break-words sm:truncate" data-testid="timeline-title">{plan.title}</span>
                {state === "overdue" || state === "soon" ? (
                  <span className={`shrink-0 font-semibold ${state === "overdue" ? "text-red-800" : "text-amber-900"}`}>{tState(state === "overdue" ? "overdue" : "soon")}</span>
                ) : null}
              </div>
              <div className="relative h-7 border-b border-gray-100" style={background}>
                {bar.span ? (
                  <span
                    className={`absolute top-2 h-3 rounded-sm ${barColour[state]} ${bar.cutStart ? "rounded-l-none" : ""} ${bar.cutEnd ? "rounded-r-none" : ""}`}
                    style={{ left: pct(bar.span.start), width: `max(${pct(bar.span.end - bar.span.start)}, 0.5rem)` }}
                  />
                ) : null}
                {/* Arrows where a bar runs past the axis: adopted earlier, or due later than shown. */}
                {bar.cutStart ? <span className="absolute left-0 top-1 font-bold text-gray-900">◂</span> : null}
                {bar.cutEnd ? <span className="absolute right-0 top-1 font-bold text-gray-900">▸</span> : null}
                {!bar.span ? <span className="absolute left-2 top-1 text-gray-700">{t("noDates")}</span> : null}
                {bar.due !== null ? <span className="absolute top-1 h-5 w-0.5 bg-gray-900" style={{ left: pct(bar.due) }} /> : null}
                <span className="absolute top-0 bottom-0 border-l-2 border-gray-900" style={{ left: pct(axis.today) }} />
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}

/** The legend, in words and colour; visible to everyone (it explains the timeline's colours). */
export async function TimelineLegend() {
  const t = await getTranslations("schedule");
  const item = (colour: string, label: string) => (
    <li className="flex items-center gap-2"><span aria-hidden="true" className={`print-exact inline-block h-3 w-6 rounded-sm ${colour}`} />{label}</li>
  );
  return (
    <div className="mb-3">
      <ul aria-label={t("legend")} className="flex flex-wrap gap-x-5 gap-y-1 text-sm text-gray-800">
        {item(barColour.overdue, t("legendOverdue"))}
        {item(barColour.soon, t("legendSoon"))}
        {item(barColour.later, t("legendLater"))}
        {item(barColour.none, t("legendNone"))}
        {item("bg-[#eef2f7] border border-gray-400", t("legendPeriod"))}
        <li className="flex items-center gap-2"><span aria-hidden="true" className="print-exact inline-block h-4 border-l-2 border-gray-900" />{t("legendToday")}</li>
        <li className="flex items-center gap-2"><span aria-hidden="true" className="font-bold">◂ ▸</span>{t("legendCut")}</li>
      </ul>
    </div>
  );
}
