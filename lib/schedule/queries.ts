// Reads for the revision schedule and the overview: active plans only (lib/plans/active.ts).
// The schedule is read a page at a time, in group order, with the groups' sizes, the states'
// counts and the timeline's extent aggregated in SQL: its cost does not grow with the register.
import "server-only";
import { db } from "../db";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { endOfYear, startOfYear } from "../dates";
import { activePlanWhere } from "../plans/active";
import { planTypes } from "../plans/schema";
import { planUnits } from "../plans/units";
import { cachedForRegister } from "../register-cache";
import { electionPeriodOf } from "./election";
import { dueWhere } from "../plans/list";
import { SCHEDULE_PAGE_SIZE, type ScheduleGrouping, type ScheduleParams } from "./params";

type Client = Pick<PrismaClient, "plan" | "sdgGoal">;

const scheduleSelect = {
  id: true, title: true, type: true, status: true, adoptedOn: true, caseNumber: true, revisionDueOn: true, responsibleUnit: true, ownerId: true,
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

/** Group order first (type in the register's order, unit alphabetically with none last), then earliest due. */
export function scheduleOrder(group: ScheduleGrouping): Prisma.PlanOrderByWithRelationInput[] {
  const byGroup: Prisma.PlanOrderByWithRelationInput[] =
    group === "type" ? [{ type: "asc" }] : group === "unit" ? [{ responsibleUnit: { sort: "asc", nulls: "last" } }] : [];
  return [...byGroup, { revisionDueOn: { sort: "asc", nulls: "last" } }, { title: "asc" }, { id: "asc" }];
}

/** One page of the schedule, the size of every group, the timeline's extent and the filters' choices. */
export async function listSchedule(p: ScheduleParams, client: Client = db) {
  const where = scheduleWhere(p);
  const group = p.group ?? "type";
  const size = p.size ?? SCHEDULE_PAGE_SIZE;
  // One after the other: `client` may be a transaction, whose connection takes one query at a time.
  const total = await client.plan.count({ where });
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(p.page ?? 1, pages);
  const plans = await client.plan.findMany({ where, orderBy: scheduleOrder(group), skip: (page - 1) * size, take: size, select: scheduleSelect });
  const groupSizes = await groupCounts(client, where, group, total);
  const extent = await client.plan.aggregate({ where, _min: { adoptedOn: true, revisionDueOn: true }, _max: { adoptedOn: true, revisionDueOn: true } });
  const { units, goals } = client === db ? await cachedForRegister("schedule-choices", () => scheduleChoices(db)) : await scheduleChoices(client);
  // The two corners of the filtered plans' dates: the axis is the same on every page.
  const span = [
    { adoptedOn: extent._min.adoptedOn, revisionDueOn: extent._max.revisionDueOn },
    { adoptedOn: extent._max.adoptedOn, revisionDueOn: extent._min.revisionDueOn },
  ];
  return { plans, total, page, pages, size, groupSizes, span, units, goals };
}

/** The filters' choices: units of active plans, and the SDG goals. */
async function scheduleChoices(client: Client) {
  const units = await planUnits(client, activePlanWhere);
  const goals = await client.sdgGoal.findMany({ orderBy: { code: "asc" }, select: { code: true, shortNb: true, shortEn: true } });
  return { units, goals };
}

async function groupCounts(client: Client, where: Prisma.PlanWhereInput, group: ScheduleGrouping, total: number): Promise<Map<string, number>> {
  if (group === "none") return new Map([["", total]]);
  if (group === "type") {
    const rows = await client.plan.groupBy({ by: ["type"], where, _count: { _all: true } });
    return new Map(planTypes.flatMap((type) => rows.filter((r) => r.type === type).map((r) => [type, r._count._all] as const)));
  }
  const rows = await client.plan.groupBy({ by: ["responsibleUnit"], where, _count: { _all: true } });
  return new Map(rows.map((r) => [r.responsibleUnit ?? "", r._count._all]));
}

/** Rows `batch * 1000 …` of the whole filtered schedule in page order, for the download. */
export function scheduleBatch(p: ScheduleParams, batch: number, client: Client = db) {
  return client.plan.findMany({ where: scheduleWhere(p), orderBy: scheduleOrder(p.group ?? "type"), skip: batch * 1000, take: 1000, select: scheduleSelect });
}

export type SchedulePage = Awaited<ReturnType<typeof listSchedule>>;
export type ScheduleRow = SchedulePage["plans"][number];
