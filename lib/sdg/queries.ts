// Reads for the SDG coverage pages. Every figure is counted in SQL over all filtered active plans,
// and every answer is bounded whatever the size of the register: 17 goals × at most 8 plan types,
// one page of plans, at most PLANS_PER_TARGET plans per target. Rows are shaped by ./coverage.
import "server-only";
import { db } from "../db";
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import type { PlanType } from "../generated/prisma/enums";
import { activePlanWhere, endedStatuses } from "../plans/active";
import { planUnits } from "../plans/units";
import { cachedForRegister } from "../register-cache";
import { countsByKey, goalTargetCoverage, goalTotals, pageOf, type Cell, type GoalCount, type RankedPlan } from "./coverage";
import { PLANS_PER_TARGET, SDG_PAGE_SIZE, type SdgCoverageParams, type SdgPageParams } from "./schema";

type SdgClient = Pick<PrismaClient, "plan" | "sdgGoal" | "$queryRaw">;

/** SQL condition on `plans p`: active (as activePlanWhere) and passing the filters. */
function planFilterSql(p: SdgCoverageParams): Prisma.Sql {
  return Prisma.sql`p.archived_at IS NULL AND p.status <> ALL(${[...endedStatuses]}::"PlanStatus"[])
    ${p.type.length ? Prisma.sql`AND p.type = ANY(${p.type}::"PlanType"[])` : Prisma.empty}
    ${p.unit ? Prisma.sql`AND p.responsible_unit = ${p.unit}` : Prisma.empty}`;
}

function readGoals(client: SdgClient) {
  return client.sdgGoal.findMany({ orderBy: { code: "asc" }, select: { code: true, shortNb: true, shortEn: true, _count: { select: { targets: true } } } })
    .then((goals) => goals.map(({ _count, ...goal }) => ({ ...goal, targetCount: _count.targets })));
}

/** The goals with their target counts and the units the filter offers (cached per register version). */
async function sdgChoices(client: SdgClient) {
  const goals = await readGoals(client);
  const units = await planUnits(client, activePlanWhere);
  return { goals, units };
}

/** Which plans of the ordered list to read: a page by offset, or the batch after a plan (keyset). */
type Window = { limit: number } & ({ offset: number } | { after: { title: string; id: number } | null });
type PlanRow = { id: number; title: string; type: PlanType; responsibleUnit: string | null };

/** Plans in title order with their number of targets per goal, for one window of the list. */
export async function readPlanRows(p: SdgCoverageParams, w: Window, goals: { code: number; targetCount: number }[], client: SdgClient = db) {
  const after = "after" in w && w.after ? Prisma.sql`AND (p.title, p.id) > (${w.after.title}, ${w.after.id})` : Prisma.empty;
  const offset = "offset" in w ? Prisma.sql`OFFSET ${w.offset}` : Prisma.empty;
  const rows = await client.$queryRaw<(PlanRow & { goal: number | null; n: number })[]>`
    WITH page AS (
      SELECT p.id, p.title, p.type, p.responsible_unit FROM plans p WHERE ${planFilterSql(p)} ${after}
      ORDER BY p.title, p.id LIMIT ${w.limit} ${offset}
    )
    SELECT page.id, page.title, page.type::text AS type, page.responsible_unit AS "responsibleUnit", t.goal_code AS goal, COUNT(t.code)::int AS n
    FROM page
    LEFT JOIN plan_targets pt ON pt.plan_id = page.id
    LEFT JOIN sdg_targets t ON t.code = pt.target_code
    GROUP BY page.id, page.title, page.type, page.responsible_unit, t.goal_code
    ORDER BY page.title, page.id`;
  const plans = [...new Map(rows.map((r) => [r.id, { id: r.id, title: r.title, type: r.type, responsibleUnit: r.responsibleUnit }])).values()];
  const counts = countsByKey(goals, rows.flatMap((r): Cell<number>[] => (r.goal === null ? [] : [{ key: r.id, goal: r.goal, n: r.n }])));
  return plans.map((plan) => ({ plan, counts: counts(plan.id) }));
}

/** Plans per type × goal, targets covered per goal, plans per type: over every filtered plan. */
async function sdgAggregates(filter: Prisma.Sql, client: SdgClient) {
  const [byTypeAndGoal, targetsByGoal, byType] = await Promise.all([
    // Distinct (plan, goal) pairs first, so the count needs no COUNT(DISTINCT …) (a sort that
    // spilled to disk at 100,000 links); a plan has one type, so a goal's plans are the sum over types.
    client.$queryRaw<{ type: PlanType; goal: number; plans: number }[]>`
      SELECT x.type::text AS type, x.goal, COUNT(*)::int AS plans FROM (
        SELECT DISTINCT p.id, p.type, t.goal_code AS goal
        FROM plans p JOIN plan_targets pt ON pt.plan_id = p.id JOIN sdg_targets t ON t.code = pt.target_code
        WHERE ${filter}
      ) x GROUP BY x.type, x.goal`,
    // Targets addressed by at least one filtered plan: 169 index probes that stop at the first plan.
    client.$queryRaw<{ goal: number; targets: number }[]>`
      SELECT t.goal_code AS goal, COUNT(*)::int AS targets FROM sdg_targets t
      WHERE EXISTS (SELECT 1 FROM plan_targets pt JOIN plans p ON p.id = pt.plan_id WHERE pt.target_code = t.code AND ${filter})
      GROUP BY t.goal_code`,
    client.$queryRaw<{ type: PlanType; plans: number }[]>`
      SELECT p.type::text AS type, COUNT(*)::int AS plans FROM plans p WHERE ${filter} GROUP BY p.type ORDER BY p.type`,
  ]);
  return { byTypeAndGoal, targetsByGoal, byType };
}

/**
 * The figures of /sdg: per goal (plans, distinct targets, covered or not) and per plan type × goal
 * over all filtered active plans, plus one page of the per-plan table and the units to filter by.
 */
export async function getCoverageMatrix(p: SdgPageParams, client: SdgClient = db) {
  const filter = planFilterSql(p);
  // The aggregates depend only on the register and the filter: cached per instance until it changes.
  const aggregates = () => sdgAggregates(filter, client);
  const [{ goals, units }, { byTypeAndGoal, targetsByGoal, byType }] = await Promise.all([
    client === db ? cachedForRegister("sdg-choices", () => sdgChoices(db)) : sdgChoices(client),
    client === db ? cachedForRegister(`sdg-aggregates ${JSON.stringify([p.type, p.unit ?? null])}`, aggregates) : aggregates(),
  ]);
  const total = byType.reduce((sum, t) => sum + t.plans, 0);
  const paging = pageOf(p.page, total, p.size ?? SDG_PAGE_SIZE);
  const rows = total === 0 ? [] : await readPlanRows(p, { limit: paging.size, offset: paging.offset }, goals, client);
  const typeCells = byTypeAndGoal.map((r): Cell<PlanType> => ({ key: r.type, goal: r.goal, n: r.plans }));
  const plansByGoal = new Map<number, number>();
  for (const c of typeCells) plansByGoal.set(c.goal, (plansByGoal.get(c.goal) ?? 0) + c.n);
  const goalCounts: GoalCount[] = targetsByGoal.map((r) => ({ goal: r.goal, targets: r.targets, plans: plansByGoal.get(r.goal) ?? 0 }));
  const typeCounts = countsByKey(goals, typeCells);
  return {
    ...goalTotals(goals, goalCounts),
    total,
    types: byType.map((t) => ({ type: t.type, planCount: t.plans, counts: typeCounts(t.type) })),
    rows,
    ...paging,
    units,
  };
}

export type CoverageMatrixPage = Awaited<ReturnType<typeof getCoverageMatrix>>;

/** Every filtered active plan with its counts per goal, in batches (the first even when empty). */
export async function* allPlanRows(p: SdgCoverageParams, batch = 500, client: SdgClient = db) {
  const goals = await readGoals(client);
  let after: { title: string; id: number } | null = null;
  for (;;) {
    const rows = await readPlanRows(p, { limit: batch, after }, goals, client);
    if (rows.length > 0 || after === null) yield { goals, rows };
    if (rows.length < batch) return;
    const last = rows[rows.length - 1]!.plan;
    after = { title: last.title, id: last.id };
  }
}

/**
 * One goal with each of its targets: the first `perTarget` filtered active plans addressing it
 * (by title) and how many there are in all; null for an unknown goal.
 */
export async function getGoalCoverage(code: number, p: SdgCoverageParams, client: SdgClient = db, perTarget = PLANS_PER_TARGET) {
  const [goal, ranked] = await Promise.all([
    client.sdgGoal.findFirst({ where: { code }, include: { targets: { orderBy: { sortOrder: "asc" } } } }),
    client.$queryRaw<RankedPlan[]>`
      SELECT target, id, title, total FROM (
        SELECT pt.target_code AS target, p.id, p.title,
               ROW_NUMBER() OVER (PARTITION BY pt.target_code ORDER BY p.title, p.id) AS rank,
               COUNT(*) OVER (PARTITION BY pt.target_code)::int AS total
        FROM plan_targets pt JOIN sdg_targets t ON t.code = pt.target_code JOIN plans p ON p.id = pt.plan_id
        WHERE t.goal_code = ${code} AND ${planFilterSql(p)}
      ) ranked
      WHERE rank <= ${perTarget}
      ORDER BY target, rank`,
  ]);
  if (!goal) return null;
  return { goal, ...goalTargetCoverage(goal.targets, ranked) };
}

export type GoalCoverage = NonNullable<Awaited<ReturnType<typeof getGoalCoverage>>>;
