// What the innsyn pages show, read for the public only and cached (./cache.ts): every value is
// JSON (dates as strings), so it can be kept in Next.js's data cache and shared by all visitors.
import "server-only";
import { db } from "../db";
import { planListWhere, PAGE_SIZE, sortColumns, type PlanListParams } from "../plans/list";
import { activePlanWhere } from "../plans/active";
import { planUnits } from "../plans/units";
import { scheduleWhere } from "../schedule/queries";
import type { ScheduleParams } from "../schedule/params";
import { cachedPublic } from "./cache";
import { readCurrentPeriodId, readPeriod, readPlanDetail, readSdgGoals } from "./detail";
import { planRowSelect, shapePlan } from "./plan-shape";
import { publicPlanDetailSchema, publicPlanSchema } from "./fields";
import { PUBLIC, publicPlanWhere } from "./visibility";

export const SCHEDULE_PUBLIC_PAGE_SIZE = 50;
export const PROGRAM_PUBLIC_PAGE_SIZE = 50;

type Sort = (typeof sortColumns)[number];
const NULLABLE: readonly Sort[] = ["adoptedOn", "revisionDueOn", "responsibleUnit"];

/** The register's params as the public may use them: no owner filter, no archived plans. */
export function publicListParams(p: PlanListParams): PlanListParams {
  return { ...p, owner: undefined, archived: undefined };
}

/** One page of the public register with its total and the filters' choices. */
export function innsynRegister(params: PlanListParams, now = new Date()) {
  const p = publicListParams(params);
  return cachedPublic(`register ${JSON.stringify(p)}`, () => loadRegister(p, now));
}

/** innsynRegister's read, uncached. The plans pass the allow-list's strict schema: a stray field throws. */
export async function loadRegister(params: PlanListParams, now = new Date()) {
  const p = publicListParams(params);
  const where = { AND: [planListWhere(p, now), publicPlanWhere] };
  const total = await db.plan.count({ where });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(p.page ?? 1, pages);
  const column = p.sort ?? "title";
  const dir = p.dir ?? "asc";
  const rows = await db.plan.findMany({
    where, skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE, select: planRowSelect,
    orderBy: [NULLABLE.includes(column) ? { [column]: { sort: dir, nulls: "last" } } : { [column]: dir }, { title: "asc" }, { id: "asc" }],
  });
  const units = await planUnits(db, publicPlanWhere);
  const goals = await db.sdgGoal.findMany({ orderBy: { code: "asc" }, select: { code: true, shortNb: true, shortEn: true } });
  return { plans: publicPlanSchema.array().parse(rows.map((r) => shapePlan(r, PUBLIC, now))), total, page, pages, units, goals };
}

/** A public plan's page, or null. */
export const innsynPlan = (id: number) => cachedPublic(`plan ${id}`, () => loadPlan(id));

/** innsynPlan's read, uncached, checked against the allow-list. */
export async function loadPlan(id: number) {
  const plan = await readPlanDetail(PUBLIC, id, db);
  return plan && publicPlanDetailSchema.parse(plan);
}

/** One page of the public revision schedule (plans in force, earliest due first). */
export function innsynSchedule(params: ScheduleParams, now = new Date()) {
  return cachedPublic(`schedule ${JSON.stringify(params)}`, () => loadSchedule(params, now));
}

/** innsynSchedule's read, uncached, checked against the allow-list. */
export async function loadSchedule(params: ScheduleParams, now = new Date()) {
  const where = { AND: [scheduleWhere(params, now), activePlanWhere, publicPlanWhere] };
  const total = await db.plan.count({ where });
  const pages = Math.max(1, Math.ceil(total / SCHEDULE_PUBLIC_PAGE_SIZE));
  const page = Math.min(params.page ?? 1, pages);
  const rows = await db.plan.findMany({
    where, skip: (page - 1) * SCHEDULE_PUBLIC_PAGE_SIZE, take: SCHEDULE_PUBLIC_PAGE_SIZE, select: planRowSelect,
    orderBy: [{ revisionDueOn: { sort: "asc", nulls: "last" } }, { title: "asc" }, { id: "asc" }],
  });
  const units = await planUnits(db, { AND: [activePlanWhere, publicPlanWhere] });
  return { plans: publicPlanSchema.array().parse(rows.map((r) => shapePlan(r, PUBLIC, now))), total, page, pages, units };
}

/** The current planning strategy with its completion and one page of its planprogram (public plans), or null. */
export function innsynStrategy(page: number, now = new Date()) {
  return cachedPublic(`strategy ${page}`, async () => {
    const id = await readCurrentPeriodId(db, now);
    if (id === null) return null;
    const offset = (page - 1) * PROGRAM_PUBLIC_PAGE_SIZE;
    return readPeriod(PUBLIC, id, { limit: PROGRAM_PUBLIC_PAGE_SIZE, offset }, db, now);
  });
}

/** The 17 goals with their targets and the public plans in force addressing each. */
export const innsynSdg = () => cachedPublic("sdg", () => readSdgGoals(PUBLIC, db));

/** Ids and last change of every public plan, for the sitemap (bounded by the register's design size). */
export function innsynSitemapPlans() {
  return cachedPublic("sitemap", async () => {
    const rows = await db.plan.findMany({ where: publicPlanWhere, select: { id: true, updatedAt: true }, orderBy: { id: "asc" }, take: 45_000 });
    return rows.map((r) => ({ id: r.id, updatedAt: r.updatedAt.toISOString() }));
  });
}
