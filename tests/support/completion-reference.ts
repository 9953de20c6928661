// The completion rules of decision 010 as plain code, kept as the specification that
// lib/periods/completion.ts's SQL is checked against (tests/period-completion.test.ts). Pure.
// A "revise" is done when the plan was adopted again after the strategy (within the period), or
// was replaced by a plan adopted in that window (a revision is often made as a new plan);
// a "new" plan when it was adopted in that window; a "repeal" when the plan is repealed or
// replaced. "Continue" needs no new decision: it holds while the plan stays in force, and it is
// left out of the overall rate so that it cannot inflate it.
import { endOfYear, startOfYear } from "../../lib/dates";
import { endedStatuses } from "../../lib/plans/active";
import type { PlanStatus, StrategyDecisionKind } from "../../lib/generated/prisma/enums";
import type { Completion, Outcome, Rate } from "../../lib/periods/completion";

export type CompletionPeriod = { startYear: number; endYear: number; adoptedOn: Date | null };
export type CompletionDecision = {
  decision: StrategyDecisionKind;
  /** `relationsTo`: the "replaces" relations pointing at this plan, i.e. the plans replacing it. */
  plan: { adoptedOn: Date | null; status: PlanStatus; relationsTo?: { fromPlan: { adoptedOn: Date | null } }[] };
};


/** The window in which a plan adoption counts: from the strategy's adoption (or the period's start) to the period's end. */
export function completionWindow(period: CompletionPeriod): { from: Date; to: Date } {
  return { from: period.adoptedOn ?? startOfYear(period.startYear), to: endOfYear(period.endYear) };
}

/** Whether one decision is carried out, as of `today`. */
export function decisionOutcome(d: CompletionDecision, period: CompletionPeriod, today: Date): Outcome {
  const { from, to } = completionWindow(period);
  const inWindow = (day: Date | null) => day !== null && day >= from && day <= to;
  const ended = (endedStatuses as readonly PlanStatus[]).includes(d.plan.status);
  const replacedInWindow = d.plan.status === "erstattet" && (d.plan.relationsTo ?? []).some((r) => inWindow(r.fromPlan.adoptedOn));
  const done =
    d.decision === "repeal" ? ended
    : d.decision === "continue" ? !ended
    : d.decision === "revise" ? inWindow(d.plan.adoptedOn) || replacedInWindow
    : inWindow(d.plan.adoptedOn);
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
    const outcome = decisionOutcome(d, period, today);
    add(byKind[d.decision], outcome);
    if (d.decision !== "continue") add(overall, outcome);
  }
  return { byKind, overall };
}
