// The register list: filters, search, sort and page from the URL, read in a fixed number of
// queries whatever the number of plans (no N+1).
import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { addMonths, todayInOslo } from "../dates";
import { planStatuses, planTypes } from "./schema";
import { dueStates, SOON_MONTHS } from "../schedule/due";
import { many, optional } from "../url-params";
import { planUnits } from "./units";
import { endedStatuses } from "./active";
import { cachedForRegister } from "../register-cache";

export const PAGE_SIZE = 25;
export const sortColumns = ["title", "type", "status", "adoptedOn", "revisionDueOn", "responsibleUnit"] as const;
export { dueStates };


/** URL search params of the register; anything malformed is ignored, never an error. */
export const planListParamsSchema = z.object({
  q: optional(z.string().trim().min(1).max(200)),
  type: many(z.enum(planTypes)),
  status: many(z.enum(planStatuses)),
  unit: optional(z.string().trim().min(1).max(200)),
  owner: optional(z.coerce.number().int().positive().max(2_147_483_647)),
  goal: optional(z.coerce.number().int().min(1).max(17)),
  required: optional(z.enum(["yes", "no"])),
  due: optional(z.enum(dueStates)),
  archived: optional(z.literal("1")),
  sort: optional(z.enum(sortColumns)),
  dir: optional(z.enum(["asc", "desc"])),
  page: optional(z.coerce.number().int().min(1).max(100_000)),
});
export type PlanListParams = z.output<typeof planListParamsSchema>;

/** Plans in one due state as of `now` (the same boundaries as lib/schedule/due.ts). */
export function dueWhere(due: PlanListParams["due"], now: Date): Prisma.PlanWhereInput {
  const today = todayInOslo(now);
  const inAYear = addMonths(today, SOON_MONTHS);
  switch (due) {
    case "overdue": return { revisionDueOn: { lt: today } };
    case "soon": return { revisionDueOn: { gte: today, lt: inAYear } };
    case "later": return { revisionDueOn: { gte: inAYear } };
    case "none": return { revisionDueOn: null };
    default: return {};
  }
}

/** The filter as a Prisma where; `withStatus: false` leaves the status filter out (for counts). */
export function planListWhere(p: PlanListParams, now = new Date(), withStatus = true): Prisma.PlanWhereInput {
  const and: Prisma.PlanWhereInput[] = [];
  if (!p.archived) and.push({ archivedAt: null });
  if (p.q) {
    and.push({ OR: [{ title: { contains: p.q, mode: "insensitive" } }, { summary: { contains: p.q, mode: "insensitive" } }, { caseNumber: { contains: p.q, mode: "insensitive" } }] });
  }
  if (p.type.length) and.push({ type: { in: p.type } });
  if (withStatus && p.status.length) and.push({ status: { in: p.status } });
  if (p.unit) and.push({ responsibleUnit: p.unit });
  if (p.owner) and.push({ ownerId: p.owner });
  if (p.goal) and.push({ targets: { some: { target: { goalCode: p.goal } } } });
  if (p.required) and.push({ legallyRequired: p.required === "yes" });
  // "Due for revision" means active plans, as on the overview and the schedule: repealed or
  // replaced plans have nothing left to revise.
  if (p.due) and.push(dueWhere(p.due, now), { status: { notIn: [...endedStatuses] } });
  return { AND: and };
}

/** The register's order for `p` (title, id last, so pages and downloads are stable). */
export function planListOrder(p: PlanListParams): Prisma.PlanOrderByWithRelationInput[] {
  const dir = p.dir ?? "asc";
  const column = p.sort ?? "title";
  const nullable = column === "adoptedOn" || column === "revisionDueOn" || column === "responsibleUnit";
  const primary = nullable ? { [column]: { sort: dir, nulls: "last" } } : { [column]: dir };
  return [primary as Prisma.PlanOrderByWithRelationInput, { title: "asc" }, { id: "asc" }];
}

type ListClient = Pick<PrismaClient, "plan" | "user" | "sdgGoal">;

/** One page of the register with the counts and filter choices the page shows. */
export async function listPlansPage(p: PlanListParams, client: ListClient = db, now = new Date()) {
  // The counts per status (the status filter left out) also give the total: no separate count.
  const statusGroups = await client.plan.groupBy({ by: ["status"], where: planListWhere(p, now, false), _count: { _all: true } });
  const statusCounts = Object.fromEntries(statusGroups.map((g) => [g.status, g._count._all])) as Partial<Record<string, number>>;
  const total = statusGroups.filter((g) => !p.status.length || p.status.includes(g.status)).reduce((sum, g) => sum + g._count._all, 0);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(p.page ?? 1, pages);
  const plans = await client.plan.findMany({
    where: planListWhere(p, now),
    orderBy: planListOrder(p),
    skip: (page - 1) * PAGE_SIZE,
    take: PAGE_SIZE,
    select: {
      id: true, title: true, type: true, status: true, adoptedOn: true, revisionDueOn: true, responsibleUnit: true, archivedAt: true,
      // For "på høring til …" / "høringsfrist utløpt" beside the status.
      consultationFrom: true, consultationTo: true, consultationUrl: true, consultation2From: true, consultation2To: true, consultation2Url: true,
    },
  });
  // The app's own client: the choices come from the instance's cache while the register is unchanged.
  const choices = client === db ? await cachedForRegister("plan-list-choices", () => listChoices(db)) : await listChoices(client);
  return { plans, total, page, pages, statusCounts, ...choices };
}

/** The filters' choices: units and owners of any plan, and the SDG goals. */
export async function listChoices(client: ListClient = db) {
  const units = await planUnits(client);
  const owners = await client.user.findMany({ where: { ownedPlans: { some: {} } }, select: { id: true, name: true }, orderBy: { name: "asc" } });
  const goals = await client.sdgGoal.findMany({ orderBy: { code: "asc" }, select: { code: true, shortNb: true, shortEn: true } });
  return { units, owners, goals };
}

export type PlanListPage = Awaited<ReturnType<typeof listPlansPage>>;
export type PlanListRow = PlanListPage["plans"][number];
