// What each mail shows, read from the register as of the day the scan planned it. Reads one
// after the other (the client may be a transaction) and bounded: lists stop at LIST_LIMIT.
import type { PrismaClient } from "../generated/prisma/client";
import { addDays, addMonths } from "../dates";
import { activePlanWhere } from "../plans/active";
import { getOverview } from "../overview";
import type { DigestData, ReminderData, SummaryData } from "./content";
import { isoWeek, quarter } from "./schedule";

const LIST_LIMIT = 20;

/** The instant a calendar day begins in Europe/Oslo. */
export function osloMidnight(day: Date): Date {
  const noon = new Date(day.getTime() + 12 * 3600_000);
  const offset = new Intl.DateTimeFormat("en", { timeZone: "Europe/Oslo", timeZoneName: "longOffset" }).formatToParts(noon).find((p) => p.type === "timeZoneName")!.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(offset);
  const minutes = match ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
  return new Date(day.getTime() - minutes * 60_000);
}

/** The plan and the latest planning strategy's decision about it. */
export async function reminderData(db: PrismaClient, planId: number, dueOn: Date, asOf: Date): Promise<ReminderData | null> {
  const plan = await db.plan.findFirst({ where: { id: planId }, select: { id: true, title: true } });
  if (!plan) return null;
  const decision = await db.strategyDecision.findFirst({
    where: { planId },
    orderBy: [{ period: { startYear: "desc" } }, { id: "desc" }],
    select: { decision: true, targetYear: true, note: true, period: { select: { name: true } } },
  });
  return {
    plan,
    dueOn,
    asOf,
    decision: decision ? { kind: decision.decision, periodName: decision.period.name, targetYear: decision.targetYear, note: decision.note } : null,
  };
}

/** The week before the Monday of `asOf`'s week: what fell due and changed; what is due next. */
export async function digestData(db: PrismaClient, asOf: Date): Promise<DigestData> {
  const { label, monday } = isoWeek(asOf);
  const from = addDays(monday, -7);
  const to = addDays(monday, -1);
  const select = { id: true, title: true, revisionDueOn: true } as const;
  const fellDueWhere = { ...activePlanWhere, revisionDueOn: { gte: from, lte: to } };
  const dueSoonWhere = { ...activePlanWhere, revisionDueOn: { gte: asOf, lte: addMonths(asOf, 3) } };
  const missingWhere = { ...activePlanWhere, OR: [{ ownerId: null }, { revisionDueOn: null }] };
  const dated = (rows: { id: number; title: string; revisionDueOn: Date | null }[]) => rows.map((r) => ({ id: r.id, title: r.title, dueOn: r.revisionDueOn! }));
  const fellDue = { total: await db.plan.count({ where: fellDueWhere }), plans: dated(await db.plan.findMany({ where: fellDueWhere, select, orderBy: [{ revisionDueOn: "asc" }, { id: "asc" }], take: LIST_LIMIT })) };
  const dueSoon = { total: await db.plan.count({ where: dueSoonWhere }), plans: dated(await db.plan.findMany({ where: dueSoonWhere, select, orderBy: [{ revisionDueOn: "asc" }, { id: "asc" }], take: LIST_LIMIT })) };
  const missing = { total: await db.plan.count({ where: missingWhere }), plans: await db.plan.findMany({ where: missingWhere, select: { id: true, title: true }, orderBy: [{ title: "asc" }, { id: "asc" }], take: LIST_LIMIT }) };
  const changeWhere = { at: { gte: osloMidnight(from), lt: osloMidnight(monday) }, entityType: { in: ["plan", "strategy_period"] } };
  const events = await db.auditEvent.findMany({
    where: changeWhere,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: LIST_LIMIT,
    select: { at: true, type: true, entityType: true, entityId: true, after: true, actor: { select: { name: true } } },
  });
  const planIds = events.filter((e) => e.entityType === "plan" && e.entityId).map((e) => Number(e.entityId));
  const titles = new Map((await db.plan.findMany({ where: { id: { in: planIds } }, select: { id: true, title: true } })).map((p) => [p.id, p.title]));
  const changes = {
    total: await db.auditEvent.count({ where: changeWhere }),
    events: events.map((e) => {
      const planId = e.entityType === "plan" ? Number(e.entityId) : null;
      const name = (e.after as { name?: unknown; title?: unknown } | null) ?? null;
      const title = (planId ? titles.get(planId) : undefined) ?? String(name?.name ?? name?.title ?? e.entityId ?? "");
      return { at: new Date(`${new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Oslo" }).format(e.at)}T00:00:00Z`), type: e.type, title, actor: e.actor?.name ?? null, planId: planId && titles.has(planId) ? planId : null };
    }),
  };
  return { week: label, from, to, fellDue, dueSoon, missing, changes };
}

/** The overview's figures and the current planning strategy's completion, as of `asOf`. */
export async function summaryData(db: PrismaClient, asOf: Date): Promise<SummaryData> {
  const overview = await getOverview(asOf, db);
  const s = overview.summary;
  const strategy = overview.strategy;
  return {
    quarter: quarter(asOf).label,
    asOf,
    figures: { overdue: s.overdue, dueSoon: s.dueSoon, withoutOwner: s.withoutOwner, withoutDueDate: s.withoutDueDate, total: s.total },
    strategy: strategy ? { name: strategy.period.name, done: strategy.completion.overall.done, total: strategy.completion.overall.total, rate: strategy.completion.overall.rate } : null,
  };
}
