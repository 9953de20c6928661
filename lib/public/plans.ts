// The plan list and the schedule as the API and innsyn read them: the register's filters
// (lib/plans/list.ts), the reader's visibility (./visibility), keyset pages in any sort order.
import "server-only";
import { z } from "zod";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { planStatuses, planTypes } from "../plans/schema";
import { planListWhere, type PlanListParams } from "../plans/list";
import { activePlanWhere } from "../plans/active";
import { scheduleWhere } from "../schedule/queries";
import { isoDate } from "../dates";
import { decodeCursor, encodeCursor, BadCursorError } from "./cursor";
import { planRowSelect, shapePlan, type PlanRow } from "./plan-shape";
import { visiblePlanWhere, type Audience } from "./visibility";
import type { PlanQuery, ScheduleQuery } from "./params";

export { BadCursorError };
export const DEFAULT_LIMIT = 50;
type Client = Pick<PrismaClient, "plan">;
type SortColumn = NonNullable<PlanQuery["sort"]>;

const ENUM_ORDER: Partial<Record<SortColumn, readonly string[]>> = { type: planTypes, status: planStatuses };
const NULLABLE: readonly SortColumn[] = ["adoptedOn", "revisionDueOn", "responsibleUnit"];
const DATES: readonly SortColumn[] = ["adoptedOn", "revisionDueOn"];

function sortValue(row: PlanRow, column: SortColumn): string | null {
  const v = row[column];
  return v instanceof Date ? isoDate(v) : (v ?? null);
}

const textValue = z.string().max(2000).regex(/^[^\u0000]*$/);
// A calendar date PostgreSQL accepts (it has no year 0), written as isoDate writes it.
function isCalendarDate(v: string): boolean {
  const d = new Date(`${v}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(v) && !v.startsWith("0000") && !Number.isNaN(d.getTime()) && isoDate(d) === v;
}
const dateValue = z.string().refine(isCalendarDate);

/** What a cursor for `column` may hold: a value of the column's kind, null only where the column may be. */
function cursorValueSchema(column: SortColumn): z.ZodType<string | null> {
  const order = ENUM_ORDER[column];
  const value = order ? z.string().refine((v) => order.includes(v)) : DATES.includes(column) ? dateValue : textValue;
  return NULLABLE.includes(column) ? value.nullable() : value;
}

/** Rows after `key` in the order (column dir nulls last, id asc). Enums compare by their declared order, as PostgreSQL sorts them. */
function afterWhere(column: SortColumn, dir: "asc" | "desc", value: string | null, id: number): Prisma.PlanWhereInput {
  if (value === null) return { [column]: null, id: { gt: id } };
  const v = DATES.includes(column) ? new Date(`${value}T00:00:00Z`) : value;
  const order = ENUM_ORDER[column];
  let beyond: Prisma.PlanWhereInput;
  if (order) {
    const at = order.indexOf(value);
    beyond = { [column]: { in: dir === "asc" ? order.slice(at + 1) : order.slice(0, at) } };
  } else {
    beyond = { [column]: dir === "asc" ? { gt: v } : { lt: v } };
  }
  const or: Prisma.PlanWhereInput[] = [beyond, { [column]: v, id: { gt: id } }];
  if (NULLABLE.includes(column)) or.push({ [column]: null });
  return { OR: or };
}

type Page<T> = { items: T[]; nextCursor: string | null };

async function keysetPage(client: Client, where: Prisma.PlanWhereInput, column: SortColumn, dir: "asc" | "desc", limit: number, cursor: string | undefined, audience: Audience, now: Date) {
  const sortKey = `${column}.${dir}`;
  const key = decodeCursor(cursor, sortKey, cursorValueSchema(column));
  const and = key ? [where, afterWhere(column, dir, key.value, key.id)] : [where];
  const rows = await client.plan.findMany({
    where: { AND: and },
    orderBy: [{ [column]: NULLABLE.includes(column) ? { sort: dir, nulls: "last" } : dir } as Prisma.PlanOrderByWithRelationInput, { id: "asc" }],
    take: limit + 1,
    select: planRowSelect,
  });
  const more = rows.length > limit;
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map((row) => shapePlan(row, audience, now)),
    nextCursor: more && last ? encodeCursor({ sort: sortKey, value: sortValue(last, column), id: last.id }) : null,
  } satisfies Page<unknown>;
}

/** One page of the register for `audience`, filtered and sorted as the query says. */
export function listPlans(audience: Audience, q: PlanQuery, client: Client, now = new Date()) {
  const includeArchived = audience.kind === "reader" && q.archived === "true";
  const params: PlanListParams = {
    q: q.q, type: q.type ?? [], status: q.status ?? [], unit: q.unit, owner: undefined, goal: q.goal, required: q.required, due: q.due,
    archived: includeArchived ? "1" : undefined, sort: undefined, dir: undefined, page: undefined,
  };
  const where = { AND: [planListWhere(params, now), visiblePlanWhere(audience, includeArchived)] };
  return keysetPage(client, where, q.sort ?? "title", q.dir ?? "asc", q.limit ?? DEFAULT_LIMIT, q.cursor, audience, now);
}

/** One page of the revision schedule (active plans the reader may see), earliest due first. */
export function listSchedulePlans(audience: Audience, q: ScheduleQuery, client: Client, now = new Date()) {
  const where = {
    AND: [
      scheduleWhere({ type: q.type ?? [], unit: q.unit, goal: q.goal, due: q.due, period: q.period, group: undefined, page: undefined, size: undefined }, now),
      activePlanWhere, visiblePlanWhere(audience),
    ],
  };
  return keysetPage(client, where, "revisionDueOn", "asc", q.limit ?? DEFAULT_LIMIT, q.cursor, audience, now);
}

