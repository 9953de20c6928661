import { describe, expect, it } from "vitest";
import { countsByKey, goalTargetCoverage, goalTotals, pageOf } from "../lib/sdg/coverage";
import { filterQuery, goalCodeSchema, isFiltered, registerGoalHref, sdgCoverageParamsSchema, sdgPageHref, sdgPageParamsSchema } from "../lib/sdg/schema";

// The real shape: 17 goals and their target counts (169 in all).
const targetCounts = [7, 8, 13, 10, 9, 8, 5, 12, 8, 10, 10, 11, 5, 10, 12, 12, 19];
const goals = targetCounts.map((targetCount, i) => ({ code: i + 1, targetCount }));

describe("goalTotals", () => {
  it("with no counts, no goal and no target is covered", () => {
    const m = goalTotals(goals, []);
    expect(m.uncoveredGoals).toEqual(goals.map((g) => g.code));
    expect(m.coveredGoalCount).toBe(0);
    expect(m.coveredTargetCount).toBe(0);
    expect(m.targetCount).toBe(169);
    expect(m.goals.every((g) => g.planCount === 0 && g.coveredTargets === 0 && !g.covered)).toBe(true);
  });

  it("takes each goal's counts, lists the others as uncovered in goal order, and sums the targets", () => {
    const m = goalTotals(goals.map((g) => ({ ...g, shortNb: `Mål ${g.code}` })), [{ goal: 14, plans: 1, targets: 2 }, { goal: 1, plans: 3, targets: 1 }]);
    expect(m.uncoveredGoals).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 16, 17]);
    expect(m.goals[13]).toMatchObject({ code: 14, planCount: 1, coveredTargets: 2, covered: true, shortNb: "Mål 14" });
    expect(m.goals[1]).toMatchObject({ code: 2, planCount: 0, coveredTargets: 0, covered: false });
    expect(m.coveredGoalCount).toBe(2);
    expect(m.coveredTargetCount).toBe(3);
  });
});

describe("countsByKey", () => {
  it("puts each cell in its goal's column, zeros elsewhere, and ignores unknown goals", () => {
    const counts = countsByKey(goals, [{ key: 1, goal: 3, n: 3 }, { key: 1, goal: 11, n: 1 }, { key: 2, goal: 17, n: 2 }, { key: 2, goal: 18, n: 9 }]);
    expect(counts(1)[2]).toBe(3);
    expect(counts(1)[10]).toBe(1);
    expect(counts(1).reduce((a, b) => a + b, 0)).toBe(4);
    expect(counts(2)).toEqual([...Array(16).fill(0), 2]);
    expect(counts(3)).toEqual(Array(17).fill(0));
  });
});

describe("pageOf", () => {
  it("shows everything on page 1 when it fits, and clamps a page past the end to the last", () => {
    expect(pageOf(undefined, 20, 50)).toEqual({ page: 1, pages: 1, size: 50, offset: 0 });
    expect(pageOf(undefined, 0, 50)).toEqual({ page: 1, pages: 1, size: 50, offset: 0 });
    expect(pageOf(3, 200, 10)).toEqual({ page: 3, pages: 20, size: 10, offset: 20 });
    expect(pageOf(99, 201, 10)).toEqual({ page: 21, pages: 21, size: 10, offset: 200 });
  });
});

describe("goalTargetCoverage", () => {
  const targets = ["14.1", "14.2", "14.a", "14.b"].map((code) => ({ code }));

  it("lists each target's ranked plans with the count of all of them, and counts the covered targets", () => {
    const r = goalTargetCoverage(targets, [
      { target: "14.2", id: 1, title: "A", total: 1 },
      { target: "14.a", id: 2, title: "B", total: 30 },
      { target: "14.a", id: 1, title: "C", total: 30 },
    ]);
    expect(r.targets.map((t) => [t.target.code, t.plans.map((p) => p.id), t.planCount])).toEqual([["14.1", [], 0], ["14.2", [1], 1], ["14.a", [2, 1], 30], ["14.b", [], 0]]);
    expect(r.coveredCount).toBe(2);
    expect(r.targetCount).toBe(4);
  });

  it("with no plans every target is uncovered", () => {
    const r = goalTargetCoverage(targets, []);
    expect(r.coveredCount).toBe(0);
    expect(r.targets.every((t) => t.plans.length === 0 && t.planCount === 0)).toBe(true);
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

  it("page and size are dropped when malformed or out of range; page links keep filters and size", () => {
    expect(sdgPageParamsSchema.parse({ page: "2", size: "10" })).toMatchObject({ page: 2, size: 10 });
    for (const bad of [{ page: "0" }, { page: "x" }, { size: "9" }, { size: "201" }, { size: "12.5" }, { page: "2\u0000" }]) {
      const p = sdgPageParamsSchema.parse(bad);
      expect([p.page, p.size], JSON.stringify(bad)).toEqual([undefined, undefined]);
    }
    const p = sdgPageParamsSchema.parse({ type: "temaplan", unit: "Helse og omsorg", size: "10", page: "4" });
    expect(sdgPageHref(p, 5)).toBe("/sdg?type=temaplan&unit=Helse+og+omsorg&size=10&page=5#sdg-plans");
    expect(sdgPageHref(sdgPageParamsSchema.parse({}), 1)).toBe("/sdg#sdg-plans");
  });

  it("the register link lists the goal's active plans with the same filters", () => {
    expect(registerGoalHref(11, sdgCoverageParamsSchema.parse({ unit: "Teknisk" })))
      .toBe("/plans?unit=Teknisk&goal=11&status=planlagt&status=under_utarbeidelse&status=pa_horing&status=vedtatt&status=under_revisjon");
  });
});
