// Reads for a draft planprogram, all bounded: a page of rows under a filter and sort, counts per
// decision, and the workload per unit and year, each one query in SQL (10,000 plans is the design size).
import "server-only";
import { db } from "../../db";
import { Prisma, type PrismaClient } from "../../generated/prisma/client";
import type { DraftReason, PlanStatus, PlanType, StrategyDecisionKind } from "../../generated/prisma/enums";
import type { PlanprogramDocRow } from "../../council/planprogram";
import { UNDECIDED, type DraftFilter, type DraftParams } from "./schema";

type Client = Pick<PrismaClient, "$queryRaw">;

const DRAFT_JOIN = Prisma.sql`strategy_draft_items i LEFT JOIN plans p ON p.id = i.plan_id`;

/** FROM and WHERE for the period's draft rows `i`, their plans `p`, under `filter`. */
export function draftFrom(periodId: number, filter: DraftFilter): Prisma.Sql {
  return Prisma.sql`${DRAFT_JOIN} WHERE ${draftWhere(periodId, filter)}`;
}

/** The WHERE conditions (over `i` and `p`) of the period's draft rows under `filter`. */
function draftWhere(periodId: number, filter: DraftFilter): Prisma.Sql {
  const where = [Prisma.sql`i.period_id = ${periodId}`];
  if (filter.q) where.push(Prisma.sql`coalesce(p.title, i.title) ILIKE ${`%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  if (filter.decision === UNDECIDED) where.push(Prisma.sql`i.decision IS NULL`);
  else if (filter.decision === "flagged") where.push(Prisma.sql`i.flagged`);
  else if (filter.decision) where.push(Prisma.sql`i.decision = ${filter.decision}::"StrategyDecisionKind"`);
  if (filter.unit) where.push(Prisma.sql`i.responsible_unit = ${filter.unit}`);
  if (filter.type) where.push(Prisma.sql`coalesce(p.type, i.type) = ${filter.type}::"PlanType"`);
  if (filter.year) where.push(Prisma.sql`i.target_year = ${filter.year}`);
  return Prisma.join(where, " AND ");
}

const orderBy: Record<DraftParams["sort"], Prisma.Sql> = {
  title: Prisma.sql`coalesce(p.title, i.title)`,
  type: Prisma.sql`coalesce(p.type, i.type)`,
  due: Prisma.sql`p.revision_due_on`,
  decision: Prisma.sql`i.decision`,
  targetYear: Prisma.sql`i.target_year`,
  unit: Prisma.sql`i.responsible_unit`,
};

export type DraftRow = {
  id: number; version: number; planId: number | null; title: string; type: PlanType; status: PlanStatus | null;
  dueOn: Date | null; decision: StrategyDecisionKind | null; targetYear: number | null; responsibleUnit: string | null;
  reason: DraftReason; flagged: boolean; absorbedById: number | null; absorbedByTitle: string | null; absorbs: number;
  updatedByName: string | null; updatedAt: Date;
};

/** One page of the draft under `params`, and how many rows match. */
export async function getDraftPage(periodId: number, params: DraftParams, client: Client = db) {
  const from = draftFrom(periodId, params);
  const counted = await client.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM ${from}`;
  const total = Number(counted[0]?.n ?? 0);
  const pages = Math.max(1, Math.ceil(total / params.size));
  const page = Math.min(params.page, pages);
  const dir = params.dir === "desc" ? Prisma.sql`DESC NULLS LAST` : Prisma.sql`ASC NULLS LAST`;
  const rows = await client.$queryRaw<DraftRow[]>`
    SELECT i.id, i.version, i.plan_id AS "planId", coalesce(p.title, i.title) AS title, coalesce(p.type, i.type)::text AS type,
           p.status::text AS status, p.revision_due_on AS "dueOn", i.decision::text AS decision, i.target_year AS "targetYear",
           i.responsible_unit AS "responsibleUnit", i.reason::text AS reason, i.flagged, i.absorbed_by_id AS "absorbedById",
           a.title AS "absorbedByTitle", (SELECT count(*)::int FROM strategy_draft_items x WHERE x.absorbed_by_id = i.id) AS absorbs,
           u.name AS "updatedByName", i.updated_at AS "updatedAt"
    FROM ${DRAFT_JOIN}
    LEFT JOIN strategy_draft_items a ON a.id = i.absorbed_by_id
    LEFT JOIN users u ON u.id = i.updated_by_id
    WHERE ${draftWhere(periodId, params)}
    ORDER BY ${orderBy[params.sort]} ${dir}, coalesce(p.title, i.title), i.id
    LIMIT ${params.size} OFFSET ${(page - 1) * params.size}`;
  return { rows, total, page, pages };
}

export type DraftCounts = { total: number; undecided: number; flagged: number; byDecision: Record<StrategyDecisionKind, number> };

/** Rows per decision over the whole draft. */
export async function getDraftCounts(periodId: number, client: Client = db): Promise<DraftCounts> {
  const rows = await client.$queryRaw<{ decision: StrategyDecisionKind | null; flagged: boolean; n: bigint }[]>`
    SELECT decision::text AS decision, flagged, count(*) AS n FROM strategy_draft_items WHERE period_id = ${periodId} GROUP BY 1, 2`;
  const byDecision = { new: 0, revise: 0, continue: 0, repeal: 0 };
  let undecided = 0, flagged = 0, total = 0;
  for (const r of rows) {
    const n = Number(r.n);
    total += n;
    if (r.flagged) flagged += n;
    if (r.decision === null) undecided += n;
    else byDecision[r.decision] += n;
  }
  return { total, undecided, flagged, byDecision };
}

/** The new plans of the draft (what an existing plan can be absorbed by), in title order. */
export function getDraftNewPlans(periodId: number, client: Client = db) {
  return client.$queryRaw<{ id: number; title: string }[]>`
    SELECT id, title FROM strategy_draft_items WHERE period_id = ${periodId} AND plan_id IS NULL ORDER BY title, id LIMIT 200`;
}

/** The responsible units named in the draft (the filter's choices). */
export async function getDraftUnits(periodId: number, client: Client = db): Promise<string[]> {
  const rows = await client.$queryRaw<{ unit: string }[]>`
    SELECT DISTINCT responsible_unit AS unit FROM strategy_draft_items WHERE period_id = ${periodId} AND responsible_unit IS NOT NULL ORDER BY 1 LIMIT 500`;
  return rows.map((r) => r.unit);
}

/** How many plans each unit must revise or make in each year of the period, and those with no year in it. */
export type Workload = { years: number[]; units: string[]; cells: { unit: string; year: number; n: number }[]; withoutYear: number };

/** The workload: revise and new rows per unit and target year, at most `maxUnits` units (the rest as one). */
export async function getWorkload(period: { id: number; startYear: number; endYear: number }, otherUnits: string, noUnit: string, client: Client = db, maxUnits = 8): Promise<Workload> {
  const rows = await client.$queryRaw<{ unit: string | null; year: number | null; n: bigint }[]>`
    SELECT responsible_unit AS unit, CASE WHEN target_year BETWEEN ${period.startYear} AND ${period.endYear} THEN target_year END AS year, count(*) AS n
    FROM strategy_draft_items WHERE period_id = ${period.id} AND decision IN ('revise', 'new') GROUP BY 1, 2`;
  const years = Array.from({ length: period.endYear - period.startYear + 1 }, (_, k) => period.startYear + k);
  const withoutYear = rows.filter((r) => r.year === null).reduce((s, r) => s + Number(r.n), 0);
  const totals = new Map<string, number>();
  for (const r of rows) if (r.year !== null) totals.set(r.unit ?? noUnit, (totals.get(r.unit ?? noUnit) ?? 0) + Number(r.n));
  const ranked = [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "nb")).map(([u]) => u);
  const kept = new Set(ranked.length > maxUnits ? ranked.slice(0, maxUnits - 1) : ranked);
  const cellMap = new Map<string, number>();
  for (const r of rows) {
    if (r.year === null) continue;
    const unit = kept.has(r.unit ?? noUnit) ? (r.unit ?? noUnit) : otherUnits;
    cellMap.set(`${unit}\u0000${r.year}`, (cellMap.get(`${unit}\u0000${r.year}`) ?? 0) + Number(r.n));
  }
  const units = [...[...kept].sort((a, b) => a.localeCompare(b, "nb")), ...(ranked.length > kept.size ? [otherUnits] : [])];
  const cells = [...cellMap.entries()].map(([k, n]) => { const [unit, year] = k.split("\u0000"); return { unit: unit!, year: Number(year), n }; });
  return { years, units, cells, withoutYear };
}

/**
 * Rows `batch * 1000 …` of the whole draft planprogram as council document rows, in the order of
 * an adopted one (decision, plan, id; the undecided last): the proposed decision, target year and
 * responsible unit, new plans by their titles, and the new plan an existing one is absorbed by.
 */
export async function draftProgramBatch(periodId: number, batch: number, client: Client = db): Promise<PlanprogramDocRow[]> {
  const rows = await client.$queryRaw<{ decision: StrategyDecisionKind | null; targetYear: number | null; title: string; type: PlanType; status: PlanStatus | null; adoptedOn: Date | null; caseNumber: string | null; responsibleUnit: string | null; absorbedBy: string | null }[]>`
    SELECT i.decision::text AS decision, i.target_year AS "targetYear", coalesce(p.title, i.title) AS title, coalesce(p.type, i.type)::text AS type,
           p.status::text AS status, p.adopted_on AS "adoptedOn", p.case_number AS "caseNumber", i.responsible_unit AS "responsibleUnit", a.title AS "absorbedBy"
    FROM ${DRAFT_JOIN}
    LEFT JOIN strategy_draft_items a ON a.id = i.absorbed_by_id
    WHERE i.period_id = ${periodId}
    ORDER BY i.decision NULLS LAST, coalesce(p.title, i.title), i.id
    LIMIT 1000 OFFSET ${batch * 1000}`;
  return rows.map(({ decision, targetYear, absorbedBy, ...plan }) => ({ decision, targetYear, absorbedBy, plan }));
}
