// Reads for planning-strategy periods and their planprogram: the period row, its completion in
// one aggregate query, and the planprogram a page (or a download batch) at a time, in SQL.
import "server-only";
import { db } from "../db";
import type { PrismaClient } from "../generated/prisma/client";
import type { PlanStatus, PlanType, StrategyDecisionKind } from "../generated/prisma/enums";
import { decisionsFrom, outcomeSql, periodCompletion, type CompletionPeriod, type Outcome } from "./completion";
import { PROGRAM_PAGE_SIZE, type ProgramParams } from "./params";

type Client = Pick<PrismaClient, "strategyPeriod" | "$queryRaw">;

/** Every period, newest first, with its completion as of `today` (one aggregate query each: a council has one a term). */
export async function listPeriodsWithCompletion(today: Date, client: Client = db) {
  const periods = await client.strategyPeriod.findMany({ orderBy: [{ startYear: "desc" }, { id: "desc" }] });
  const result = [];
  // One after the other: `client` may be a transaction, whose connection takes one query at a time.
  for (const p of periods) result.push({ ...p, completion: await periodCompletion(p, today, client) });
  return result;
}

/** One period, or null. */
export function getPeriod(id: number, client: Client = db) {
  return client.strategyPeriod.findFirst({ where: { id } });
}

export type Period = NonNullable<Awaited<ReturnType<typeof getPeriod>>>;

/** The period covering `year` (the latest starting, if several), else the most recent one before it; `current` says which. */
export async function findCurrentPeriod(year: number, client: Client = db) {
  const order = [{ startYear: "desc" as const }, { id: "desc" as const }];
  const covering = await client.strategyPeriod.findFirst({ where: { startYear: { lte: year }, endYear: { gte: year } }, orderBy: order });
  if (covering) return { period: covering, current: true };
  const latest = await client.strategyPeriod.findFirst({ where: { startYear: { lte: year } }, orderBy: order });
  return latest ? { period: latest, current: false } : null;
}

export type ProgramRow = {
  id: number; decision: StrategyDecisionKind; targetYear: number | null; outcome: Outcome;
  plan: { id: number; title: string; type: PlanType; status: PlanStatus; adoptedOn: Date | null; caseNumber: string | null; responsibleUnit: string | null; archived: boolean };
};
type RawRow = Omit<ProgramRow, "plan"> & { planId: number } & Omit<ProgramRow["plan"], "id">;

/** Decisions `offset …` of the planprogram in its order (kind, plan title, id), each with its outcome as of `today`. */
export async function programRows(period: CompletionPeriod, today: Date, offset: number, limit: number, client: Client = db): Promise<ProgramRow[]> {
  const rows = await client.$queryRaw<RawRow[]>`
    SELECT d.id, d.decision::text AS decision, d.target_year AS "targetYear", ${outcomeSql(period, today)} AS outcome,
           p.id AS "planId", p.title, p.type::text AS type, p.status::text AS status, p.adopted_on AS "adoptedOn",
           p.case_number AS "caseNumber", p.responsible_unit AS "responsibleUnit", p.archived_at IS NOT NULL AS archived
    FROM ${decisionsFrom(period)}
    ORDER BY d.decision, p.title, d.id
    LIMIT ${limit} OFFSET ${offset}`;
  return rows.map(({ planId, title, type, status, adoptedOn, caseNumber, responsibleUnit, archived, ...d }) => ({ ...d, plan: { id: planId, title, type, status, adoptedOn, caseNumber, responsibleUnit, archived } }));
}

/** Rows `batch * 1000 …` of the whole planprogram, for the download. */
export function programBatch(period: CompletionPeriod, today: Date, batch: number, client: Client = db) {
  return programRows(period, today, batch * 1000, 1000, client);
}

/** One page of a period's planprogram, with the completion (whose totals are the groups' sizes) over all its decisions. */
export async function getProgramPage(period: CompletionPeriod, p: ProgramParams, today: Date, client: Client = db) {
  // One after the other: `client` may be a transaction, whose connection takes one query at a time.
  const completion = await periodCompletion(period, today, client);
  const total = Object.values(completion.byKind).reduce((n, r) => n + r.total, 0);
  const size = p.size ?? PROGRAM_PAGE_SIZE;
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(p.page ?? 1, pages);
  const rows = await programRows(period, today, (page - 1) * size, size, client);
  return { completion, total, page, pages, size, rows };
}

export type ProgramPage = Awaited<ReturnType<typeof getProgramPage>>;
