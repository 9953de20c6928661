// The overview's figures, counted in SQL over the active plans as of `today` (a calendar date in
// Europe/Oslo), with the same boundaries as lib/schedule/due.ts: one aggregate row and the next
// ten deadlines, whatever the number of plans.
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import { addMonths, endOfYear, isoDate, startOfYear } from "../dates";
import { activePlanWhere, endedStatuses } from "../plans/active";
import { electionPeriodOf, type ElectionPeriod } from "./election";
import { SOON_MONTHS } from "./due";

export type ScheduleSummary = {
  /** Plans whose revision date has passed. */
  overdue: number;
  /** Not yet overdue and due by 31 December this year. */
  dueThisYear: number;
  /** Due within the current election period (1 January of its first year to 31 December of its last), overdue ones included: what the schedule's period filter shows. */
  dueThisPeriod: number;
  /** Due within the next 12 months (amber). */
  dueSoon: number;
  withoutOwner: number;
  withoutDueDate: number;
  /** Active plans counted. */
  total: number;
  period: ElectionPeriod;
};

const NEXT_DEADLINES = 10;
type Client = Pick<PrismaClient, "plan" | "$queryRaw">;
type Counts = Record<Exclude<keyof ScheduleSummary, "period">, bigint>;

/** The figures, and the next ten plans to fall due (today included, earliest first); `unit` narrows both. */
export async function summarizeSchedule(client: Client, today: Date, unit?: string) {
  const period = electionPeriodOf(today.getUTCFullYear());
  const day = (d: Date) => Prisma.sql`${isoDate(d)}::date`;
  const [t, yearEnd, soonEnd, periodStart, periodEnd] = [today, endOfYear(today.getUTCFullYear()), addMonths(today, SOON_MONTHS), startOfYear(period.startYear), endOfYear(period.endYear)].map(day);
  const byUnit = unit === undefined ? Prisma.empty : Prisma.sql`AND responsible_unit = ${unit}`;
  // One statement: `client` may be a transaction, whose connection takes one query at a time.
  const [counts] = await client.$queryRaw<Counts[]>`
    SELECT count(*) FILTER (WHERE revision_due_on < ${t}) AS "overdue",
           count(*) FILTER (WHERE revision_due_on >= ${t} AND revision_due_on <= ${yearEnd}) AS "dueThisYear",
           count(*) FILTER (WHERE revision_due_on BETWEEN ${periodStart} AND ${periodEnd}) AS "dueThisPeriod",
           count(*) FILTER (WHERE revision_due_on >= ${t} AND revision_due_on < ${soonEnd}) AS "dueSoon",
           count(*) FILTER (WHERE owner_id IS NULL) AS "withoutOwner",
           count(*) FILTER (WHERE revision_due_on IS NULL) AS "withoutDueDate",
           count(*) AS "total"
    FROM plans
    WHERE archived_at IS NULL AND status::text NOT IN (${Prisma.join([...endedStatuses])}) ${byUnit}`;
  const summary: ScheduleSummary = { ...(Object.fromEntries(Object.entries(counts!).map(([k, v]) => [k, Number(v)])) as Record<keyof Counts, number>), period };
  const nextDeadlines = await client.plan.findMany({
    where: { ...activePlanWhere, revisionDueOn: { gte: today }, ...(unit === undefined ? {} : { responsibleUnit: unit }) },
    orderBy: [{ revisionDueOn: "asc" }, { title: "asc" }, { id: "asc" }],
    take: NEXT_DEADLINES,
    select: { id: true, title: true, type: true, revisionDueOn: true, ownerId: true, responsibleUnit: true },
  });
  return { summary, nextDeadlines };
}
