// Whether a planning strategy is being carried out, counted in SQL (decisions 010, 018, 032): one
// aggregate query per period, whatever the number of decisions.
// Adoptions and ends are read from the plan's history (plan_events), not its current dates, so a
// plan revised in one period and again in the next counts for both. A "revise" is done when the
// plan was adopted (again) in the window, or was replaced by a plan adopted in that window (a
// revision is often made as a new plan); a "new" plan when it was adopted in that window; a
// "repeal" when the plan is repealed or replaced and that happened in the window (or at an unknown
// date, from before the history was kept). "Continue" needs no new decision: it holds while the
// plan stays in force, and it is left out of the overall rate so that it cannot inflate it.
// Archived plans are left out: archiving takes a plan out of the register.
import "server-only";
import { db } from "../db";
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import { endOfYear, isoDate, startOfYear } from "../dates";
import { endedStatuses } from "../plans/active";
import type { StrategyDecisionKind } from "../generated/prisma/enums";

export const decisionKinds = ["new", "revise", "continue", "repeal"] as const satisfies readonly StrategyDecisionKind[];

/** done; pending: not done and the period is still running; notDone: the period ended without it. */
export const outcomes = ["done", "pending", "notDone"] as const;
export type Outcome = (typeof outcomes)[number];

export type Rate = { total: number; done: number; pending: number; notDone: number; rate: number | null };
export type Completion = { byKind: Record<StrategyDecisionKind, Rate>; overall: Rate };

type Client = Pick<PrismaClient, "$queryRaw">;

/** The period's dates the rules need. */
export type CompletionPeriod = { id: number; startYear: number; endYear: number; adoptedOn: Date | null };

/** The window in which a plan adoption counts: from the strategy's adoption (or 1 January of its first year) to 31 December of its last year. */
export function completionWindow(period: CompletionPeriod): { from: Date; to: Date } {
  return { from: period.adoptedOn ?? startOfYear(period.startYear), to: endOfYear(period.endYear) };
}

const day = (d: Date) => Prisma.sql`${isoDate(d)}::date`;

/**
 * FROM and WHERE for the period's decisions `d` about plans `p` not archived, with `adp`: the plan
 * was adopted in the window; `endp`: it ended in the window (or at an unknown date); `rep`: a plan
 * adopted in the window replaces it. A join rather than an EXISTS in the select list: PostgreSQL costs
 * such a subquery as if it ran for every decision, which at thousands of decisions turns on JIT
 * compilation (tens of milliseconds) for a query that runs in a few.
 */
export function decisionsFrom(period: CompletionPeriod): Prisma.Sql {
  const { from, to } = completionWindow(period);
  const adopted = Prisma.sql`SELECT plan_id FROM plan_events WHERE kind = 'adopted' AND "on" BETWEEN ${day(from)} AND ${day(to)}`;
  return Prisma.sql`strategy_decisions d JOIN plans p ON p.id = d.plan_id
    LEFT JOIN (SELECT DISTINCT plan_id FROM (${adopted}) a) adp ON adp.plan_id = p.id
    LEFT JOIN (SELECT DISTINCT plan_id FROM plan_events WHERE kind = 'ended' AND ("on" IS NULL OR "on" BETWEEN ${day(from)} AND ${day(to)})) endp ON endp.plan_id = p.id
    LEFT JOIN (SELECT DISTINCT r.to_plan_id FROM plan_relations r WHERE r.kind = 'replaces' AND r.from_plan_id IN (${adopted})) rep ON rep.to_plan_id = p.id
    WHERE d.period_id = ${period.id} AND p.archived_at IS NULL`;
}

/** The outcome of decision `d` about plan `p` as of `today`, 'done' | 'pending' | 'notDone' (over `decisionsFrom`). */
export function outcomeSql(period: CompletionPeriod, today: Date): Prisma.Sql {
  const { to } = completionWindow(period);
  const adoptedInWindow = Prisma.sql`adp.plan_id IS NOT NULL`;
  const ended = Prisma.sql`p.status::text IN (${Prisma.join([...endedStatuses])})`;
  return Prisma.sql`CASE
    WHEN CASE d.decision
      WHEN 'repeal' THEN ${ended} AND endp.plan_id IS NOT NULL
      WHEN 'continue' THEN NOT (${ended})
      WHEN 'revise' THEN ${adoptedInWindow} OR (p.status = 'erstattet' AND rep.to_plan_id IS NOT NULL)
      ELSE ${adoptedInWindow} END THEN 'done'
    WHEN ${today > to}::boolean THEN 'notDone'
    ELSE 'pending' END`;
}

const rateOf = (counts: Omit<Rate, "rate">): Rate => ({ ...counts, rate: counts.total === 0 ? null : counts.done / counts.total });

/** Counts per decision kind and overall (new, revise and repeal), as of `today`: one aggregate query. */
export async function periodCompletion(period: CompletionPeriod, today: Date, client: Client = db): Promise<Completion> {
  const rows = await client.$queryRaw<{ decision: StrategyDecisionKind; outcome: Outcome; n: bigint }[]>`
    SELECT d.decision::text AS decision, ${outcomeSql(period, today)} AS outcome, count(*) AS n
    FROM ${decisionsFrom(period)}
    GROUP BY 1, 2`;
  const count = (kinds: readonly StrategyDecisionKind[]) => {
    const n = (outcome: Outcome) => rows.filter((r) => kinds.includes(r.decision) && r.outcome === outcome).reduce((sum, r) => sum + Number(r.n), 0);
    const [done, pending, notDone] = outcomes.map(n) as [number, number, number];
    return rateOf({ total: done + pending + notDone, done, pending, notDone });
  };
  const byKind = Object.fromEntries(decisionKinds.map((kind) => [kind, count([kind])])) as Record<StrategyDecisionKind, Rate>;
  return { byKind, overall: count(decisionKinds.filter((k) => k !== "continue")) };
}
