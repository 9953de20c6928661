// One plan, one period, the SDG goals: as the API and innsyn read them for a given audience.
import "server-only";
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import { isoDate, todayInOslo } from "../dates";
import { periodCompletion } from "../periods/completion";
import { decisionsFrom, outcomeSql } from "../periods/completion";
import type { PlanDetail, PublicPeriod, PublicPlanDetail, PublicProgramRow, PublicSdgGoal } from "./fields";
import { planRowSelect, shapePlan } from "./plan-shape";
import { consultationViews } from "../plans/stage-view";
import { publicPlanSql, visiblePlanWhere, type Audience } from "./visibility";

type Client = Pick<PrismaClient, "plan" | "strategyPeriod" | "sdgGoal" | "$queryRaw">;
const day = (d: Date | null) => (d ? isoDate(d) : null);

/** A plan with its documents, relations (to plans the reader may see) and strategy decisions; null if unknown or not visible. */
export async function readPlanDetail(audience: Audience, id: number, client: Client, now = new Date()): Promise<PublicPlanDetail | PlanDetail | null> {
  const row = await client.plan.findFirst({ where: { AND: [{ id }, visiblePlanWhere(audience, true)] }, select: planRowSelect });
  if (!row) return null;
  const visible = visiblePlanWhere(audience, true);
  const more = await client.plan.findFirstOrThrow({
    where: { id },
    select: {
      documents: { select: { label: true, url: true }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }] },
      relationsFrom: { where: { toPlan: visible }, select: { kind: true, toPlan: { select: { id: true, title: true } } }, orderBy: { id: "asc" } },
      relationsTo: { where: { fromPlan: visible }, select: { kind: true, fromPlan: { select: { id: true, title: true } } }, orderBy: { id: "asc" } },
      strategyDecisions: { select: { decision: true, targetYear: true, period: { select: { id: true, name: true } } }, orderBy: { period: { startYear: "desc" } } },
    },
  });
  return {
    ...shapePlan(row, audience, now),
    documents: more.documents,
    consultations: consultationViews(row, todayInOslo(now)),
    relations: [
      ...more.relationsFrom.map((r) => ({ kind: r.kind, direction: "outgoing" as const, plan: r.toPlan })),
      ...more.relationsTo.map((r) => ({ kind: r.kind, direction: "incoming" as const, plan: r.fromPlan })),
    ],
    strategyDecisions: more.strategyDecisions.map((d) => ({ periodId: d.period.id, periodName: d.period.name, decision: d.decision, targetYear: d.targetYear })),
  };
}

type PeriodRow = NonNullable<Awaited<ReturnType<Client["strategyPeriod"]["findUnique"]>>>;

async function shapePeriod(p: PeriodRow, client: Client, now: Date): Promise<PublicPeriod> {
  return {
    id: p.id, name: p.name, startYear: p.startYear, endYear: p.endYear, councilConstitutedOn: day(p.councilConstitutedOn),
    draftPublishedOn: day(p.draftPublishedOn), adoptedOn: day(p.adoptedOn), adoptedBy: p.adoptedBy, caseNumber: p.caseNumber,
    decisionUrl: p.decisionUrl, completion: await periodCompletion(p, todayInOslo(now), client),
  };
}

/** Every planning strategy, newest first, with its completion (a council has one a term). */
export async function readPeriods(client: Client, now = new Date()): Promise<PublicPeriod[]> {
  const rows = await client.strategyPeriod.findMany({ orderBy: [{ startYear: "desc" }, { id: "desc" }] });
  const out: PublicPeriod[] = [];
  for (const p of rows) out.push(await shapePeriod(p, client, now));
  return out;
}

/** The period covering this year (else the latest before it), for innsyn's strategy page. */
export async function readCurrentPeriodId(client: Client, now = new Date()): Promise<number | null> {
  const year = todayInOslo(now).getUTCFullYear();
  const order = [{ startYear: "desc" as const }, { id: "desc" as const }];
  const p = (await client.strategyPeriod.findFirst({ where: { startYear: { lte: year }, endYear: { gte: year } }, orderBy: order, select: { id: true } }))
    ?? (await client.strategyPeriod.findFirst({ where: { startYear: { lte: year } }, orderBy: order, select: { id: true } }));
  return p?.id ?? null;
}

/**
 * A period with its completion (over all its decisions: a count reveals no plan) and one page of
 * its planprogram, in the council document's order; the public sees the rows of public plans only.
 */
export async function readPeriod(audience: Audience, id: number, page: { limit: number; offset: number }, client: Client, now = new Date()) {
  const p = await client.strategyPeriod.findFirst({ where: { id } });
  if (!p) return null;
  const period = await shapePeriod(p, client, now);
  const { offset } = page;
  const onlyPublic = audience.kind === "public" ? Prisma.sql`AND ${publicPlanSql}` : Prisma.empty;
  const rows = await client.$queryRaw<{ decision: PublicProgramRow["decision"]; targetYear: number | null; outcome: PublicProgramRow["outcome"]; planId: number; title: string; type: PublicProgramRow["plan"]["type"]; status: PublicProgramRow["plan"]["status"]; adoptedOn: Date | null; responsibleUnit: string | null }[]>`
    SELECT d.decision::text AS decision, d.target_year AS "targetYear", ${outcomeSql(p, todayInOslo(now))} AS outcome,
           p.id AS "planId", p.title, p.type::text AS type, p.status::text AS status, p.adopted_on AS "adoptedOn", p.responsible_unit AS "responsibleUnit"
    FROM ${decisionsFrom(p)} ${onlyPublic}
    ORDER BY d.decision, p.title, d.id
    LIMIT ${page.limit + 1} OFFSET ${offset}`;
  const program: PublicProgramRow[] = rows.slice(0, page.limit).map((r) => ({
    decision: r.decision, targetYear: r.targetYear, outcome: r.outcome,
    plan: { id: r.planId, title: r.title, type: r.type, status: r.status, adoptedOn: day(r.adoptedOn), responsibleUnit: r.responsibleUnit },
  }));
  const [{ n }] = await client.$queryRaw<[{ n: number }]>`SELECT count(*)::int AS n FROM ${decisionsFrom(p)} ${onlyPublic}`;
  return { ...period, program, programTotal: n, more: rows.length > page.limit };
}

/** The 17 goals with their targets and how many plans in force (that the reader may see) address each. */
export async function readSdgGoals(audience: Audience, client: Client): Promise<PublicSdgGoal[]> {
  const onlyPublic = audience.kind === "public" ? Prisma.sql`AND ${publicPlanSql}` : Prisma.empty;
  const counts = await client.$queryRaw<{ code: string; goal: number; n: number }[]>`
    SELECT t.code, t.goal_code AS goal, COUNT(DISTINCT p.id)::int AS n
    FROM sdg_targets t JOIN plan_targets pt ON pt.target_code = t.code JOIN plans p ON p.id = pt.plan_id
    WHERE p.archived_at IS NULL AND p.status NOT IN ('opphevet', 'erstattet') ${onlyPublic}
    GROUP BY GROUPING SETS ((t.code, t.goal_code), (t.goal_code))`;
  const byTarget = new Map(counts.filter((c) => c.code !== null).map((c) => [c.code, c.n]));
  const byGoal = new Map(counts.filter((c) => c.code === null).map((c) => [c.goal, c.n]));
  const goals = await client.sdgGoal.findMany({ orderBy: { code: "asc" }, include: { targets: { orderBy: { sortOrder: "asc" } } } });
  return goals.map((g) => ({
    code: g.code, titleNb: g.titleNb, titleEn: g.titleEn, shortNb: g.shortNb, shortEn: g.shortEn, uri: g.uri,
    planCount: byGoal.get(g.code) ?? 0,
    targets: g.targets.map((t) => ({ code: t.code, textNb: t.textNb, textEn: t.textEn, uri: t.uri, planCount: byTarget.get(t.code) ?? 0 })),
  }));
}
