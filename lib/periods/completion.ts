// Whether a planning strategy is being carried out, counted in SQL (decision 010, 018): one
// aggregate row per decision kind, whatever the number of decisions.
// A "revise" is done when the plan was adopted again after the strategy (within the period), or
// was replaced by a plan adopted in that window (a revision is often made as a new plan);
// a "new" plan when it was adopted in that window; a "repeal" when the plan is repealed or
// replaced. "Continue" needs no new decision: it holds while the plan stays in force, and it is
// left out of the overall rate so that it cannot inflate it. Archived plans count like any other.
import "server-only";
import { db } from "../db";
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import { isoDate } from "../dates";
import { endedStatuses } from "../plans/active";
import type { StrategyDecisionKind } from "../generated/prisma/enums";

export const decisionKinds = ["new", "revise", "continue", "repeal"] as const satisfies readonly StrategyDecisionKind[];

/** done; pending: not done and the period is still running; notDone: the period ended without it. */
export const outcomes = ["done", "pending", "notDone"] as const;
export type Outcome = (typeof outcomes)[number];

export type Rate = { total: number; done: number; pending: number; notDone: number; rate: number | null };
export type Completion = { byKind: Record<StrategyDecisionKind, Rate>; overall: Rate };

type Client = Pick<PrismaClient, "$queryRaw">;

/**
 * Decisions `d` with their plan `p`, period `s` and the period's window `w` (from the strategy's
 * adoption, or 1 January of its first year, to 31 December of its last year).
 */
export const decisionsFrom = Prisma.sql`strategy_decisions d
  JOIN plans p ON p.id = d.plan_id
  JOIN strategy_periods s ON s.id = d.period_id
  CROSS JOIN LATERAL (SELECT coalesce(s.adopted_on, make_date(s.start_year, 1, 1)) AS from_day, make_date(s.end_year, 12, 31) AS to_day) w`;

/** The outcome of decision `d` as of `today`, as 'done' | 'pending' | 'notDone' (over `decisionsFrom`). */
export function outcomeSql(today: Date): Prisma.Sql {
  const ended = Prisma.sql`p.status::text IN (${Prisma.join([...endedStatuses])})`;
  const inWindow = (day: Prisma.Sql) => Prisma.sql`${day} BETWEEN w.from_day AND w.to_day`;
  const replacedInWindow = Prisma.sql`p.status = 'erstattet' AND EXISTS (
    SELECT 1 FROM plan_relations r JOIN plans n ON n.id = r.from_plan_id
    WHERE r.to_plan_id = p.id AND r.kind = 'replaces' AND ${inWindow(Prisma.sql`n.adopted_on`)})`;
  return Prisma.sql`CASE
    WHEN CASE d.decision
      WHEN 'repeal' THEN ${ended}
      WHEN 'continue' THEN NOT (${ended})
      WHEN 'revise' THEN ${inWindow(Prisma.sql`p.adopted_on`)} OR (${replacedInWindow})
      ELSE ${inWindow(Prisma.sql`p.adopted_on`)} END THEN 'done'
    WHEN ${isoDate(today)}::date <= w.to_day THEN 'pending'
    ELSE 'notDone' END`;
}

type CountRow = { periodId: number; decision: StrategyDecisionKind; total: bigint; done: bigint; pending: bigint; notDone: bigint };

const rateOf = (total: number, done: number, pending: number, notDone: number): Rate => ({ total, done, pending, notDone, rate: total === 0 ? null : done / total });

/** Counts per decision kind and overall (new, revise and repeal) of each period, as of `today`: one aggregate query. */
export async function periodCompletions(periodIds: readonly number[], today: Date, client: Client = db): Promise<Map<number, Completion>> {
  const result = new Map<number, Completion>();
  if (periodIds.length === 0) return result;
  const rows = await client.$queryRaw<CountRow[]>`
    SELECT d.period_id AS "periodId", d.decision::text AS decision, count(*) AS total,
           count(*) FILTER (WHERE o.outcome = 'done') AS done,
           count(*) FILTER (WHERE o.outcome = 'pending') AS pending,
           count(*) FILTER (WHERE o.outcome = 'notDone') AS "notDone"
    FROM ${decisionsFrom} CROSS JOIN LATERAL (SELECT ${outcomeSql(today)} AS outcome) o
    WHERE d.period_id IN (${Prisma.join(periodIds)})
    GROUP BY d.period_id, d.decision`;
  for (const id of periodIds) {
    const mine = rows.filter((r) => r.periodId === id);
    const byKind = Object.fromEntries(decisionKinds.map((kind) => {
      const r = mine.find((x) => x.decision === kind);
      return [kind, r ? rateOf(Number(r.total), Number(r.done), Number(r.pending), Number(r.notDone)) : rateOf(0, 0, 0, 0)];
    })) as Record<StrategyDecisionKind, Rate>;
    const counted = decisionKinds.filter((k) => k !== "continue").map((k) => byKind[k]);
    const sum = (key: "total" | "done" | "pending" | "notDone") => counted.reduce((n, r) => n + r[key], 0);
    result.set(id, { byKind, overall: rateOf(sum("total"), sum("done"), sum("pending"), sum("notDone")) });
  }
  return result;
}

/** One period's completion, as of `today`. */
export async function periodCompletion(periodId: number, today: Date, client: Client = db): Promise<Completion> {
  return (await periodCompletions([periodId], today, client)).get(periodId)!;
}
