// Reads for the revision schedule and the overview: active plans only (lib/plans/active.ts).
import "server-only";
import { db } from "../db";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { endOfYear, startOfYear } from "../dates";
import { activePlanWhere } from "../plans/active";
import { electionPeriodOf } from "./election";
import { dueWhere } from "../plans/list";
import type { ScheduleParams } from "./params";

type Client = Pick<PrismaClient, "plan" | "sdgGoal">;

const scheduleSelect = {
  id: true, title: true, type: true, status: true, adoptedOn: true, revisionDueOn: true, responsibleUnit: true, ownerId: true,
  owner: { select: { name: true } },
} as const satisfies Prisma.PlanSelect;

/** The filter as a Prisma where over active plans. */
export function scheduleWhere(p: ScheduleParams, now = new Date()): Prisma.PlanWhereInput {
  const and: Prisma.PlanWhereInput[] = [activePlanWhere];
  if (p.type.length) and.push({ type: { in: p.type } });
  if (p.unit) and.push({ responsibleUnit: p.unit });
  if (p.goal) and.push({ targets: { some: { target: { goalCode: p.goal } } } });
  if (p.due) and.push(dueWhere(p.due, now));
  if (p.period) {
    const period = electionPeriodOf(p.period);
    and.push({ revisionDueOn: { gte: startOfYear(period.startYear), lte: endOfYear(period.endYear) } });
  }
  return { AND: and };
}

/** Plans on the schedule, earliest due first (undated last), with the filters' choices. */
export async function listSchedule(p: ScheduleParams, client: Client = db) {
  // One after the other: `client` may be a transaction, whose connection takes one query at a time.
  const plans = await client.plan.findMany({
    where: scheduleWhere(p),
    orderBy: [{ revisionDueOn: { sort: "asc", nulls: "last" } }, { title: "asc" }, { id: "asc" }],
    select: scheduleSelect,
  });
  const units = await client.plan.findMany({ where: { ...activePlanWhere, responsibleUnit: { not: null } }, distinct: ["responsibleUnit"], select: { responsibleUnit: true }, orderBy: { responsibleUnit: "asc" } });
  const goals = await client.sdgGoal.findMany({ orderBy: { code: "asc" }, select: { code: true, shortNb: true, shortEn: true } });
  return { plans, units: units.map((u) => u.responsibleUnit!), goals };
}

export type ScheduleRow = Awaited<ReturnType<typeof listSchedule>>["plans"][number];

/** Every active plan with the fields the overview counts. */
export function listActivePlansForSummary(client: Pick<PrismaClient, "plan"> = db) {
  return client.plan.findMany({ where: activePlanWhere, select: { id: true, title: true, type: true, revisionDueOn: true, ownerId: true, responsibleUnit: true } });
}
