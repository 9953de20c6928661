// Reads for the SDG coverage pages: a fixed number of queries whatever the number of plans
// (no N+1); the counting is done by the pure functions in ./coverage.
import "server-only";
import { db } from "../db";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { activePlanWhere } from "../plans/active";
import { coverageMatrix, goalTargetCoverage } from "./coverage";
import type { SdgCoverageParams } from "./schema";

type SdgClient = Pick<PrismaClient, "plan" | "planTarget" | "sdgGoal">;

/** Active plans that pass the filters; only these count. */
export function coveragePlanWhere(p: SdgCoverageParams): Prisma.PlanWhereInput {
  const and: Prisma.PlanWhereInput[] = [activePlanWhere];
  if (p.type.length) and.push({ type: { in: p.type } });
  if (p.unit) and.push({ responsibleUnit: p.unit });
  return { AND: and };
}

/** The goals × active plans matrix, its totals, and the units the filter offers. */
export async function getCoverageMatrix(p: SdgCoverageParams, client: SdgClient = db) {
  const where = coveragePlanWhere(p);
  const [goals, plans, links, units] = await Promise.all([
    client.sdgGoal.findMany({ orderBy: { code: "asc" }, select: { code: true, shortNb: true, shortEn: true, _count: { select: { targets: true } } } }),
    client.plan.findMany({ where, orderBy: [{ title: "asc" }, { id: "asc" }], select: { id: true, title: true, type: true } }),
    client.planTarget.findMany({ where: { plan: where }, select: { planId: true, targetCode: true } }),
    client.plan.findMany({ where: { AND: [activePlanWhere, { responsibleUnit: { not: null } }] }, distinct: ["responsibleUnit"], select: { responsibleUnit: true }, orderBy: { responsibleUnit: "asc" } }),
  ]);
  const matrix = coverageMatrix(goals.map(({ _count, ...goal }) => ({ ...goal, targetCount: _count.targets })), plans, links);
  return { ...matrix, units: units.flatMap((u) => (u.responsibleUnit ? [u.responsibleUnit] : [])) };
}

export type CoverageMatrixPage = Awaited<ReturnType<typeof getCoverageMatrix>>;

/** One goal with each of its targets and the active plans (filtered) addressing it, or null. */
export async function getGoalCoverage(code: number, p: SdgCoverageParams, client: SdgClient = db) {
  const [goal, links] = await Promise.all([
    client.sdgGoal.findUnique({ where: { code }, include: { targets: { orderBy: { sortOrder: "asc" } } } }),
    client.planTarget.findMany({
      where: { plan: coveragePlanWhere(p), target: { goalCode: code } },
      select: { planId: true, targetCode: true, plan: { select: { id: true, title: true } } },
      orderBy: [{ plan: { title: "asc" } }, { planId: "asc" }],
    }),
  ]);
  if (!goal) return null;
  const plans = [...new Map(links.map((l) => [l.planId, l.plan])).values()];
  return { goal, ...goalTargetCoverage(goal.targets, plans, links) };
}

export type GoalCoverage = NonNullable<Awaited<ReturnType<typeof getGoalCoverage>>>;
