import { describe, expect, it } from "vitest";
import { coverageMatrix, goalOfTarget, goalTargetCoverage } from "../lib/sdg/coverage";
import { filterQuery, goalCodeSchema, isFiltered, sdgCoverageParamsSchema } from "../lib/sdg/schema";

// The real shape: 17 goals and their target counts (169 in all).
const targetCounts = [7, 8, 13, 10, 9, 8, 5, 12, 8, 10, 10, 11, 5, 10, 12, 12, 19];
const goals = targetCounts.map((targetCount, i) => ({ code: i + 1, targetCount }));
const plan = (id: number) => ({ id, title: `Plan ${id}` });
const countsOf = (m: ReturnType<typeof coverageMatrix>, planId: number) => m.rows.find((r) => r.plan.id === planId)?.counts;

describe("goalOfTarget", () => {
  it("reads the goal of numbered and lettered targets", () => {
    expect(["1.1", "11.3", "17.a", "16.b", "3.d"].map(goalOfTarget)).toEqual([1, 11, 17, 16, 3]);
  });
});

describe("coverageMatrix", () => {
  it("with no plans, no goal and no target is covered", () => {
    const m = coverageMatrix(goals, [], []);
    expect(m.rows).toEqual([]);
    expect(m.uncoveredGoals).toEqual(goals.map((g) => g.code));
    expect(m.coveredGoalCount).toBe(0);
    expect(m.coveredTargetCount).toBe(0);
    expect(m.targetCount).toBe(169);
    expect(m.goals.every((g) => g.planCount === 0 && g.coveredTargets === 0 && !g.covered)).toBe(true);
  });

  it("a plan without targets is a row of zeros", () => {
    const m = coverageMatrix(goals, [plan(1)], []);
    expect(countsOf(m, 1)).toEqual(goals.map(() => 0));
  });

  it("counts every target of one goal a plan addresses, in that goal's cell", () => {
    const m = coverageMatrix(goals, [plan(1)], [
      { planId: 1, targetCode: "3.4" },
      { planId: 1, targetCode: "3.5" },
      { planId: 1, targetCode: "3.6" },
      { planId: 1, targetCode: "11.2" },
    ]);
    const counts = countsOf(m, 1)!;
    expect(counts[2]).toBe(3);
    expect(counts[10]).toBe(1);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(4);
    expect(m.goals[2]).toMatchObject({ code: 3, planCount: 1, coveredTargets: 3, covered: true });
    expect(m.coveredGoalCount).toBe(2);
    expect(m.coveredTargetCount).toBe(4);
  });

  it("counts a duplicated link once, and a target shared by plans once in the goal's total", () => {
    const m = coverageMatrix(goals, [plan(1), plan(2)], [
      { planId: 1, targetCode: "3.4" },
      { planId: 1, targetCode: "3.4" },
      { planId: 2, targetCode: "3.4" },
      { planId: 2, targetCode: "3.8" },
    ]);
    expect(countsOf(m, 1)![2]).toBe(1);
    expect(countsOf(m, 2)![2]).toBe(2);
    expect(m.goals[2]).toMatchObject({ planCount: 2, coveredTargets: 2 });
    expect(m.coveredTargetCount).toBe(2);
  });

  it("lists goals no plan addresses as uncovered, in goal order; lettered targets count", () => {
    const m = coverageMatrix(goals, [plan(1), plan(2)], [
      { planId: 1, targetCode: "1.1" },
      { planId: 2, targetCode: "14.a" },
      { planId: 2, targetCode: "14.1" },
    ]);
    expect(m.uncoveredGoals).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 16, 17]);
    expect(m.goals[13]).toMatchObject({ code: 14, planCount: 1, coveredTargets: 2, covered: true });
    expect(m.goals[1]).toMatchObject({ code: 2, planCount: 0, coveredTargets: 0, covered: false });
    expect(m.coveredGoalCount).toBe(2);
  });

  it("ignores links of plans outside the rows (filtered out, or created meanwhile)", () => {
    const m = coverageMatrix(goals, [plan(1)], [{ planId: 99, targetCode: "6.1" }, { planId: 1, targetCode: "6.2" }]);
    expect(m.goals[5]).toMatchObject({ planCount: 1, coveredTargets: 1 });
    expect(m.rows).toHaveLength(1);
  });

  it("keeps the plans' order and the goals' extra fields", () => {
    const named = goals.map((g) => ({ ...g, shortNb: `Mål ${g.code}` }));
    const m = coverageMatrix(named, [plan(2), plan(1)], []);
    expect(m.rows.map((r) => r.plan.id)).toEqual([2, 1]);
    expect(m.goals[0]?.shortNb).toBe("Mål 1");
  });
});

describe("goalTargetCoverage", () => {
  const targets = ["14.1", "14.2", "14.a", "14.b"].map((code) => ({ code }));

  it("lists each target's plans in the given order and counts the covered targets", () => {
    const r = goalTargetCoverage(targets, [plan(2), plan(1)], [
      { planId: 1, targetCode: "14.a" },
      { planId: 2, targetCode: "14.a" },
      { planId: 2, targetCode: "14.a" },
      { planId: 1, targetCode: "14.2" },
      { planId: 1, targetCode: "3.4" },
    ]);
    expect(r.targets.map((t) => [t.target.code, t.plans.map((p) => p.id)])).toEqual([["14.1", []], ["14.2", [1]], ["14.a", [2, 1]], ["14.b", []]]);
    expect(r.coveredCount).toBe(2);
    expect(r.targetCount).toBe(4);
  });

  it("with no plans every target is uncovered", () => {
    const r = goalTargetCoverage(targets, [], []);
    expect(r.coveredCount).toBe(0);
    expect(r.targets.every((t) => t.plans.length === 0)).toBe(true);
  });
});

describe("SDG page parameters", () => {
  it("a goal in the path is exactly 1–17", () => {
    expect(["1", "11", "17"].map((v) => goalCodeSchema.safeParse(v).data)).toEqual([1, 11, 17]);
    for (const bad of ["0", "18", "011", "1e1", "3.0", " 3", "abc", ""]) expect(goalCodeSchema.safeParse(bad).success, bad).toBe(false);
  });

  it("malformed filters are ignored; links keep the valid ones", () => {
    const p = sdgCoverageParamsSchema.parse({ type: ["temaplan", "bogus"], unit: ["Helse og omsorg", "x"], goal: "3" });
    expect(p).toEqual({ type: ["temaplan"], unit: "Helse og omsorg" });
    expect(filterQuery(p)).toBe("?type=temaplan&unit=Helse+og+omsorg");
    expect(filterQuery(sdgCoverageParamsSchema.parse({}))).toBe("");
    expect(isFiltered(sdgCoverageParamsSchema.parse({ unit: "  " }))).toBe(false);
  });
});
