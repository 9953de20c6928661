// SDG coverage figures: SQL counts them (lib/sdg/queries.ts); these functions, free of the
// database and unit-tested, put the counted rows into the shape the pages show.

/** A goal with the number of targets it has (the denominator of its coverage). */
export type CoverageGoal = { code: number; targetCount: number };
/** One goal's totals over the filtered plans: plans addressing it, distinct targets addressed. */
export type GoalCount = { goal: number; plans: number; targets: number };
/** One counted cell: row `key` (a plan id, a plan type) has `n` for goal `goal`. */
export type Cell<K> = { key: K; goal: number; n: number };

export type GoalTotals<G> = G & { planCount: number; coveredTargets: number; covered: boolean };

/** The goals in the given order with their totals; goals without a count are uncovered. */
export function goalTotals<G extends CoverageGoal>(goals: G[], counts: GoalCount[]) {
  const byGoal = new Map(counts.map((c) => [c.goal, c]));
  const totals: GoalTotals<G>[] = goals.map((g) => {
    const c = byGoal.get(g.code);
    return { ...g, planCount: c?.plans ?? 0, coveredTargets: c?.targets ?? 0, covered: (c?.plans ?? 0) > 0 };
  });
  return {
    goals: totals,
    uncoveredGoals: totals.filter((g) => !g.covered).map((g) => g.code),
    coveredGoalCount: totals.filter((g) => g.covered).length,
    coveredTargetCount: totals.reduce((sum, g) => sum + g.coveredTargets, 0),
    targetCount: goals.reduce((sum, g) => sum + g.targetCount, 0),
  };
}

/** Per row key, one count per goal in the goals' order (0 where no cell was counted). */
export function countsByKey<K>(goals: CoverageGoal[], cells: Cell<K>[]): (key: K) => number[] {
  const index = new Map(goals.map((g, i) => [g.code, i]));
  const out = new Map<K, number[]>();
  for (const { key, goal, n } of cells) {
    const i = index.get(goal);
    if (i === undefined) continue;
    const counts = out.get(key) ?? goals.map(() => 0);
    counts[i] = (counts[i] ?? 0) + n;
    out.set(key, counts);
  }
  return (key) => out.get(key) ?? goals.map(() => 0);
}

/** The page actually shown: the requested one, or the last when it asks for more than there are. */
export function pageOf(requested: number | undefined, total: number, size: number) {
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(requested ?? 1, pages);
  return { page, pages, size, offset: (page - 1) * size };
}

/** A plan under a target, ranked by title within the target; `total` counts all of the target's plans. */
export type RankedPlan = { target: string; id: number; title: string; total: number };

/** One goal's targets in the given order, each with its first ranked plans and how many there are in all. */
export function goalTargetCoverage<T extends { code: string }>(targets: T[], ranked: RankedPlan[]) {
  const byTarget = new Map<string, RankedPlan[]>();
  for (const r of ranked) byTarget.set(r.target, [...(byTarget.get(r.target) ?? []), r]);
  const rows = targets.map((target) => {
    const mine = byTarget.get(target.code) ?? [];
    return { target, plans: mine.map(({ id, title }) => ({ id, title })), planCount: mine[0]?.total ?? 0 };
  });
  return { targets: rows, coveredCount: rows.filter((r) => r.planCount > 0).length, targetCount: targets.length };
}
