// SDG coverage counts, kept free of the database so every figure the pages show is unit-tested.
// The queries (lib/sdg/queries.ts) fetch goals, plans and links; these functions do the counting.

/** A goal with the number of targets it has (the denominator of its coverage). */
export type CoverageGoal = { code: number; targetCount: number };
/** One plan addressing one target; duplicates are tolerated and counted once. */
export type CoverageLink = { planId: number; targetCode: string };

export type GoalTotals<G> = G & { planCount: number; coveredTargets: number; covered: boolean };
export type CoverageRow<P> = { plan: P; counts: number[] };

export type CoverageMatrix<G, P> = {
  /** The goals in the given order, each with how many plans and distinct targets cover it. */
  goals: GoalTotals<G>[];
  /** One row per plan; `counts[i]` is the number of targets of `goals[i]` the plan addresses. */
  rows: CoverageRow<P>[];
  uncoveredGoals: number[];
  coveredGoalCount: number;
  coveredTargetCount: number;
  targetCount: number;
};

/** The goal a target code belongs to: "11.3" → 11, "17.a" → 17. */
export function goalOfTarget(targetCode: string): number {
  return Number.parseInt(targetCode.split(".")[0] ?? "", 10);
}

/** Distinct target codes per plan, keeping only the plans given (links to others are ignored). */
function targetsByPlan(planIds: Set<number>, links: CoverageLink[]): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  for (const { planId, targetCode } of links) {
    if (!planIds.has(planId)) continue;
    const set = out.get(planId) ?? new Set<string>();
    set.add(targetCode);
    out.set(planId, set);
  }
  return out;
}

/** The goals × plans matrix with per-goal totals, uncovered goals and overall counts. */
export function coverageMatrix<G extends CoverageGoal, P extends { id: number }>(goals: G[], plans: P[], links: CoverageLink[]): CoverageMatrix<G, P> {
  const index = new Map(goals.map((g, i) => [g.code, i]));
  const byPlan = targetsByPlan(new Set(plans.map((p) => p.id)), links);
  const perGoal = goals.map(() => ({ plans: 0, targets: new Set<string>() }));
  const rows = plans.map((plan) => {
    const counts = goals.map(() => 0);
    for (const code of byPlan.get(plan.id) ?? []) {
      const i = index.get(goalOfTarget(code));
      if (i === undefined) continue;
      counts[i] = (counts[i] ?? 0) + 1;
      perGoal[i]?.targets.add(code);
    }
    counts.forEach((n, i) => { if (n > 0 && perGoal[i]) perGoal[i].plans++; });
    return { plan, counts };
  });
  const totals = goals.map((g, i) => {
    const { plans: planCount = 0, targets } = perGoal[i] ?? {};
    return { ...g, planCount, coveredTargets: targets?.size ?? 0, covered: planCount > 0 };
  });
  return {
    goals: totals,
    rows,
    uncoveredGoals: totals.filter((g) => !g.covered).map((g) => g.code),
    coveredGoalCount: totals.filter((g) => g.covered).length,
    coveredTargetCount: totals.reduce((sum, g) => sum + g.coveredTargets, 0),
    targetCount: goals.reduce((sum, g) => sum + g.targetCount, 0),
  };
}

export type TargetCoverage<T, P> = { target: T; plans: P[] };

/** One goal's targets in the given order, each with the plans (in the given order) addressing it. */
export function goalTargetCoverage<T extends { code: string }, P extends { id: number }>(targets: T[], plans: P[], links: CoverageLink[]) {
  const byPlan = targetsByPlan(new Set(plans.map((p) => p.id)), links);
  const rows: TargetCoverage<T, P>[] = targets.map((target) => ({
    target,
    plans: plans.filter((p) => byPlan.get(p.id)?.has(target.code)),
  }));
  return { targets: rows, coveredCount: rows.filter((r) => r.plans.length > 0).length, targetCount: targets.length };
}
