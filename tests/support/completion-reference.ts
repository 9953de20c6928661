// The completion rules of decision 010 as plain code, kept as the specification that
// lib/periods/completion.ts's SQL is checked against (tests/period-completion.test.ts). Pure.
// Adoptions and ends come from the plan's history (decision 032). A "revise" is done when the plan
// was adopted (again) in the window, or was replaced by a plan adopted in that window; a "new"
// plan when it was adopted in that window; a "repeal" when the plan is repealed or replaced and
// that happened in the window (or at an unknown date). "Continue" holds while the plan stays in
// force, and is left out of the overall rate. Archived plans are left out altogether.
import { endOfYear, startOfYear } from "../../lib/dates";
import { endedStatuses } from "../../lib/plans/active";
import type { PlanStatus, StrategyDecisionKind } from "../../lib/generated/prisma/enums";
import type { Completion, Outcome, Rate } from "../../lib/periods/completion";

export type CompletionPeriod = { startYear: number; endYear: number; adoptedOn: Date | null };
type PlanEvent = { kind: "adopted" | "ended"; on: Date | null };
export type CompletionDecision = {
  decision: StrategyDecisionKind;
  /** `events`: the plan's history; `relationsTo`: the "replaces" relations pointing at this plan, i.e. the plans replacing it. */
  plan: { status: PlanStatus; archivedAt: Date | null; events: PlanEvent[]; relationsTo?: { fromPlan: { events: PlanEvent[] } }[] };
};


/** The window in which a plan adoption counts: from the strategy's adoption (or the period's start) to the period's end. */
export function completionWindow(period: CompletionPeriod): { from: Date; to: Date } {
  return { from: period.adoptedOn ?? startOfYear(period.startYear), to: endOfYear(period.endYear) };
}

/** Whether one decision is carried out, as of `today`. */
export function decisionOutcome(d: CompletionDecision, period: CompletionPeriod, today: Date): Outcome {
  const { from, to } = completionWindow(period);
  const inWindow = (day: Date | null) => day !== null && day >= from && day <= to;
  const adoptedInWindow = (events: PlanEvent[]) => events.some((e) => e.kind === "adopted" && inWindow(e.on));
  const ended = (endedStatuses as readonly PlanStatus[]).includes(d.plan.status);
  const endedInWindow = ended && d.plan.events.some((e) => e.kind === "ended" && (e.on === null || inWindow(e.on)));
  const replacedInWindow = d.plan.status === "erstattet" && (d.plan.relationsTo ?? []).some((r) => adoptedInWindow(r.fromPlan.events));
  const done =
    d.decision === "repeal" ? endedInWindow
    : d.decision === "continue" ? !ended
    : d.decision === "revise" ? adoptedInWindow(d.plan.events) || replacedInWindow
    : adoptedInWindow(d.plan.events);
  if (done) return "done";
  return today <= to ? "pending" : "notDone";
}

const emptyRate = (): Rate => ({ total: 0, done: 0, pending: 0, notDone: 0, rate: null });

function add(rate: Rate, outcome: Outcome) {
  rate.total++;
  rate[outcome]++;
  rate.rate = rate.done / rate.total;
}

/** Counts per decision kind and overall (new, revise and repeal). */
export function completion(decisions: readonly CompletionDecision[], period: CompletionPeriod, today: Date): Completion {
  const byKind = { new: emptyRate(), revise: emptyRate(), continue: emptyRate(), repeal: emptyRate() };
  const overall = emptyRate();
  for (const d of decisions) {
    if (d.plan.archivedAt) continue;
    const outcome = decisionOutcome(d, period, today);
    add(byKind[d.decision], outcome);
    if (d.decision !== "continue") add(overall, outcome);
  }
  return { byKind, overall };
}
