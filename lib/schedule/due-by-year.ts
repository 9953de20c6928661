// The overview's chart: active plans falling due per year, by status — one aggregate query (at
// most one row per year and status), so it does not grow with the register.
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import type { PlanStatus } from "../generated/prisma/enums";
import { endedStatuses } from "../plans/active";
import { electionPeriodsBetween, type ElectionPeriod } from "./election";

/** Years shown before and after this year; earlier and later due dates are counted at the edges. */
export const DUE_CHART_YEARS = { before: 4, after: 12 } as const;

/** Every status of an active plan, bottom of the stack first (each gets its name and fill pattern in the chart). */
export const dueChartStatuses = ["vedtatt", "under_revisjon", "pa_horing", "under_utarbeidelse", "planlagt"] as const satisfies readonly PlanStatus[];
export type DueChartStatus = (typeof dueChartStatuses)[number];

export type DueByYear = {
  years: { year: number; counts: Record<DueChartStatus, number>; total: number }[];
  /** The first (last) year also counts everything due earlier (later). */
  earlierInFirst: boolean;
  laterInLast: boolean;
  periods: ElectionPeriod[];
  total: number;
};

type Client = Pick<PrismaClient, "$queryRaw">;

/** Active plans with a revision date, per year (clamped around `today`'s year) and status. */
export async function dueByYear(client: Client, today: Date): Promise<DueByYear> {
  const rows = await client.$queryRaw<{ year: number; status: DueChartStatus; n: bigint }[]>`
    SELECT extract(year FROM revision_due_on)::int AS year, status::text AS status, count(*) AS n
    FROM plans
    WHERE archived_at IS NULL AND status::text NOT IN (${Prisma.join([...endedStatuses])}) AND revision_due_on IS NOT NULL
    GROUP BY 1, 2`;
  const thisYear = today.getUTCFullYear();
  const [lo, hi] = [thisYear - DUE_CHART_YEARS.before, thisYear + DUE_CHART_YEARS.after];
  const dataYears = rows.map((r) => r.year);
  const first = Math.max(lo, Math.min(thisYear, ...dataYears));
  const last = Math.min(hi, Math.max(thisYear, ...dataYears));
  const years = Array.from({ length: last - first + 1 }, (_, i) => ({ year: first + i, counts: Object.fromEntries(dueChartStatuses.map((s) => [s, 0])) as Record<DueChartStatus, number>, total: 0 }));
  for (const r of rows) {
    const slot = years[Math.min(last, Math.max(first, r.year)) - first]!;
    slot.counts[r.status] += Number(r.n);
    slot.total += Number(r.n);
  }
  return {
    years,
    earlierInFirst: dataYears.some((y) => y < first),
    laterInLast: dataYears.some((y) => y > last),
    periods: electionPeriodsBetween(first, last),
    total: years.reduce((sum, y) => sum + y.total, 0),
  };
}
