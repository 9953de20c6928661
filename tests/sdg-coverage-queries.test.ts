// The SDG pages' figures against counts queried straight from the database. Every test owns a
// responsible unit of its own and filters on it, so plans made by parallel tests do not interfere.
import { describe, expect, it } from "vitest";
import { db } from "../lib/db";
import { getCoverageMatrix, getGoalCoverage } from "../lib/sdg/queries";
import { sdgPageParamsSchema } from "../lib/sdg/schema";
import { createPlan, unique } from "./support/factories";
import { withQueryCount } from "./support/query-count";

const params = (raw: Record<string, unknown>) => sdgPageParamsSchema.parse(raw);
const adopted = { adoptedOn: new Date("2020-05-01T00:00:00Z"), adoptedBy: "kommunestyret" } as const;
const withTargets = (codes: string[]) => ({ targets: { create: codes.map((targetCode) => ({ targetCode })) } });

/** Five active plans (one without targets) and three that must not count, all in a new unit. */
async function makePlans() {
  const unit = unique("SDG-enhet");
  const active = [
    await createPlan({ responsibleUnit: unit, type: "temaplan", status: "vedtatt", ...adopted, ...withTargets(["3.4", "3.5", "11.2", "16.b"]) }),
    await createPlan({ responsibleUnit: unit, type: "strategi", status: "planlagt", ...withTargets(["3.4", "11.3", "17.17"]) }),
    await createPlan({ responsibleUnit: unit, type: "handlingsplan", status: "under_revisjon", ...adopted, ...withTargets(["14.1"]) }),
    await createPlan({ responsibleUnit: unit, type: "temaplan", status: "under_utarbeidelse" }),
  ];
  await createPlan({ responsibleUnit: unit, archivedAt: new Date(), ...withTargets(["1.1", "3.4"]) });
  await createPlan({ responsibleUnit: unit, status: "opphevet", ...withTargets(["2.1"]) });
  await createPlan({ responsibleUnit: unit, status: "erstattet", ...withTargets(["6.1"]) });
  return { unit, active };
}

const activeJoin = (unit: string) => db.$queryRaw<{ goal: number; plans: number; targets: number; total: number }[]>`
  SELECT g.code AS goal,
         COUNT(DISTINCT p.id)::int AS plans,
         COUNT(DISTINCT pt.target_code) FILTER (WHERE p.id IS NOT NULL)::int AS targets,
         (SELECT COUNT(*) FROM sdg_targets x WHERE x.goal_code = g.code)::int AS total
  FROM sdg_goals g
  LEFT JOIN sdg_targets t ON t.goal_code = g.code
  LEFT JOIN plan_targets pt ON pt.target_code = t.code
  LEFT JOIN plans p ON p.id = pt.plan_id AND p.archived_at IS NULL
                   AND p.status NOT IN ('opphevet', 'erstattet') AND p.responsible_unit = ${unit}
  GROUP BY g.code ORDER BY g.code`;

const cellCounts = (unit: string) => db.$queryRaw<{ planId: number; goal: number; n: number }[]>`
  SELECT pt.plan_id AS "planId", t.goal_code AS goal, COUNT(DISTINCT pt.target_code)::int AS n
  FROM plan_targets pt JOIN sdg_targets t ON t.code = pt.target_code JOIN plans p ON p.id = pt.plan_id
  WHERE p.archived_at IS NULL AND p.status NOT IN ('opphevet', 'erstattet') AND p.responsible_unit = ${unit}
  GROUP BY pt.plan_id, t.goal_code`;

const typeGoalCounts = (unit: string) => db.$queryRaw<{ type: string; goal: number; n: number }[]>`
  SELECT p.type::text AS type, t.goal_code AS goal, COUNT(DISTINCT p.id)::int AS n
  FROM plan_targets pt JOIN sdg_targets t ON t.code = pt.target_code JOIN plans p ON p.id = pt.plan_id
  WHERE p.archived_at IS NULL AND p.status NOT IN ('opphevet', 'erstattet') AND p.responsible_unit = ${unit}
  GROUP BY p.type, t.goal_code`;

const planOrder = (unit: string) => db.$queryRaw<{ id: number }[]>`
  SELECT id FROM plans WHERE archived_at IS NULL AND status NOT IN ('opphevet', 'erstattet') AND responsible_unit = ${unit}
  ORDER BY title, id`;

const targetPlanCounts = (unit: string, goal: number) => db.$queryRaw<{ code: string; plans: number }[]>`
  SELECT t.code, COUNT(DISTINCT p.id)::int AS plans
  FROM sdg_targets t
  LEFT JOIN plan_targets pt ON pt.target_code = t.code
  LEFT JOIN plans p ON p.id = pt.plan_id AND p.archived_at IS NULL
                   AND p.status NOT IN ('opphevet', 'erstattet') AND p.responsible_unit = ${unit}
  WHERE t.goal_code = ${goal}
  GROUP BY t.code, t.sort_order ORDER BY t.sort_order`;

describe("SDG coverage queries", () => {
  it("the matrix's figures equal the database's counts for every goal and every cell", async () => {
    const { unit, active } = await makePlans();
    const m = await getCoverageMatrix(params({ unit }));
    const expected = await activeJoin(unit);
    expect(m.goals.map((g) => ({ goal: g.code, plans: g.planCount, targets: g.coveredTargets, total: g.targetCount }))).toEqual(expected);
    expect(m.rows.map((r) => r.plan.id).sort()).toEqual(active.map((p) => p.id).sort());
    const cells = m.rows.flatMap((r) => r.counts.flatMap((n, i) => (n > 0 ? [{ planId: r.plan.id, goal: i + 1, n }] : [])));
    const byKey = (a: { planId: number; goal: number }, b: { planId: number; goal: number }) => a.planId - b.planId || a.goal - b.goal;
    expect(cells.sort(byKey)).toEqual((await cellCounts(unit)).sort(byKey));
    expect(m.coveredGoalCount).toBe(expected.filter((g) => g.plans > 0).length);
    expect(m.coveredTargetCount).toBe(expected.reduce((sum, g) => sum + g.targets, 0));
    const [all] = await db.$queryRaw<{ total: number }[]>`SELECT COUNT(*)::int AS total FROM sdg_targets`;
    expect(m.targetCount).toBe(all?.total);
    // The known answer, so the comparison above cannot pass by both sides being empty.
    expect(m.uncoveredGoals).toEqual([1, 2, 4, 5, 6, 7, 8, 9, 10, 12, 13, 15]);
    expect(m.goals[2]).toMatchObject({ planCount: 2, coveredTargets: 2 });
    expect(m.coveredTargetCount).toBe(7);
    expect(m.units).toContain(unit);
    // Per type × goal: plans of the type addressing the goal, and the plans of each type.
    const typeCells = m.types.flatMap((r) => r.counts.flatMap((n, i) => (n > 0 ? [{ type: r.type as string, goal: i + 1, n }] : [])));
    const byType = (a: { type: string; goal: number }, b: { type: string; goal: number }) => a.type.localeCompare(b.type) || a.goal - b.goal;
    expect(typeCells.sort(byType)).toEqual((await typeGoalCounts(unit)).sort(byType));
    expect(m.types.map((r) => [r.type, r.planCount])).toEqual([["temaplan", 2], ["strategi", 1], ["handlingsplan", 1]]);
    expect(m).toMatchObject({ total: 4, page: 1, pages: 1 });
  });

  it("at 200 plans and 10 a page, the page holds 10 plans in title order and the figures cover all 200", async () => {
    const unit = unique("SDG-mange");
    const codes = ["3.4", "11.2", "11.3", "13.1", "16.b", "17.17"];
    for (let i = 0; i < 200; i += 20) {
      await Promise.all(Array.from({ length: 20 }, (_, k) => i + k).map((n) =>
        createPlan({ responsibleUnit: unit, type: (["temaplan", "strategi", "handlingsplan", "kommunedelplan"] as const)[n % 4], ...withTargets(codes.filter((_, j) => (n + j) % 3 === 0)) })));
    }
    const m = await getCoverageMatrix(params({ unit, size: "10", page: "3" }));
    expect(m.rows).toHaveLength(10);
    expect(m).toMatchObject({ total: 200, page: 3, pages: 20, size: 10, offset: 20 });
    expect(m.rows.map((r) => r.plan.id)).toEqual((await planOrder(unit)).slice(20, 30).map((r) => r.id));
    expect(m.types.reduce((sum, r) => sum + r.planCount, 0)).toBe(200);
    const expected = await activeJoin(unit);
    expect(m.goals.map((g) => ({ goal: g.code, plans: g.planCount, targets: g.coveredTargets, total: g.targetCount }))).toEqual(expected);
    expect(m.goals[10]?.planCount).toBeGreaterThan(100);
    const typeCells = m.types.flatMap((r) => r.counts.flatMap((n, i) => (n > 0 ? [{ type: r.type as string, goal: i + 1, n }] : [])));
    expect(typeCells.reduce((sum, c) => sum + c.n, 0)).toBe((await typeGoalCounts(unit)).reduce((sum, c) => sum + c.n, 0));
    const cells = m.rows.flatMap((r) => r.counts.flatMap((n, i) => (n > 0 ? [{ planId: r.plan.id, goal: i + 1, n }] : [])));
    const ids = new Set(m.rows.map((r) => r.plan.id));
    const byKey = (a: { planId: number; goal: number }, b: { planId: number; goal: number }) => a.planId - b.planId || a.goal - b.goal;
    expect(cells.sort(byKey)).toEqual((await cellCounts(unit)).filter((c) => ids.has(c.planId)).sort(byKey));
    // A page past the end shows the last; the default size shows 50.
    expect(await getCoverageMatrix(params({ unit, size: "10", page: "999" }))).toMatchObject({ page: 20, rows: { length: 10 } });
    expect((await getCoverageMatrix(params({ unit }))).rows).toHaveLength(50);
    // The drill-down lists at most 20 plans per target, in title order, and counts them all.
    const g11 = (await getGoalCoverage(11, params({ unit })))!;
    const all = await targetPlanCounts(unit, 11);
    for (const t of g11.targets) {
      const n = all.find((r) => r.code === t.target.code)?.plans ?? 0;
      expect([t.planCount, t.plans.length], t.target.code).toEqual([n, Math.min(n, 20)]);
    }
    const first = await db.$queryRaw<{ id: number }[]>`
      SELECT p.id FROM plans p JOIN plan_targets pt ON pt.plan_id = p.id AND pt.target_code = '11.2'
      WHERE p.responsible_unit = ${unit} ORDER BY p.title, p.id LIMIT 20`;
    expect(g11.targets.find((t) => t.target.code === "11.2")?.plans.map((p) => p.id)).toEqual(first.map((r) => r.id));
  });

  it("the type filter narrows the plans counted", async () => {
    const { unit, active } = await makePlans();
    const m = await getCoverageMatrix(params({ unit, type: "temaplan" }));
    expect(m.rows.map((r) => r.plan.id).sort()).toEqual([active[0]!.id, active[3]!.id].sort());
    expect(m.goals[2]).toMatchObject({ planCount: 1, coveredTargets: 2 });
    expect(m.goals[15]).toMatchObject({ planCount: 1, coveredTargets: 1 });
    expect(m.goals[16]).toMatchObject({ planCount: 0, coveredTargets: 0 });
    expect(m.types.map((r) => [r.type, r.planCount])).toEqual([["temaplan", 2]]);
  });

  it("each goal's drill-down equals the database's plan count per target", async () => {
    const { unit, active } = await makePlans();
    for (let goal = 1; goal <= 17; goal++) {
      const g = (await getGoalCoverage(goal, params({ unit })))!;
      const expected = await targetPlanCounts(unit, goal);
      expect(g.targets.map((t) => ({ code: t.target.code, plans: t.planCount }))).toEqual(expected);
      expect(g.targets.every((t) => t.plans.length === t.planCount)).toBe(true);
      expect(g.coveredCount).toBe(expected.filter((t) => t.plans > 0).length);
      expect(g.targetCount).toBe(expected.length);
    }
    // Lettered targets come after the numbered ones, as the UN lists them.
    const g16 = (await getGoalCoverage(16, params({ unit })))!;
    expect(g16.targets.find((t) => t.target.code === "16.b")?.plans.map((p) => p.id)).toEqual([active[0]!.id]);
    expect(g16.targets.map((t) => t.target.code).slice(-3)).toEqual(["16.10", "16.a", "16.b"]);
  });

  it("an unknown goal has no drill-down", async () => {
    expect(await getGoalCoverage(18, params({}))).toBeNull();
  });

  it("the matrix and the drill-down take the same number of queries for 3 plans as for 30 (no N+1)", async () => {
    await withQueryCount(async (counting, counter) => {
      const unit = unique("SDG-spørringer");
      const count = async () => {
        counter.reset();
        await getCoverageMatrix(params({ unit }), counting);
        await getGoalCoverage(3, params({ unit }), counting);
        return counter.queries();
      };
      for (let i = 0; i < 3; i++) await createPlan({ responsibleUnit: unit, ...withTargets(["3.4", "11.2"]) });
      const few = await count();
      for (let i = 0; i < 27; i++) await createPlan({ responsibleUnit: unit, ...withTargets(["3.4", "11.2"]) });
      expect(await count()).toBe(few);
      // The matrix: goals, plans per type × goal, targets per goal, plans per type, units, the page;
      // the drill-down: the goal, its targets, the ranked plans.
      expect(few).toBeLessThanOrEqual(9);
    });
  });
});
