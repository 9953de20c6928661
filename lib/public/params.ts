// The API's query parameters: the register's filters and sort (lib/plans/list.ts) with the same
// choices and limits, but strict — an unknown or malformed parameter is an error that names it
// (400), not silently dropped as on the pages. The OpenAPI document is generated from these.
import { z } from "zod";
import { planStatuses, planTypes } from "../plans/schema";
import { sortColumns } from "../plans/list";
import { dueStates } from "../schedule/due";

const list = (v: unknown) => (v === undefined ? undefined : Array.isArray(v) ? v : String(v).split(","));
const text = z.string().trim().min(1).max(200).regex(/^[^\u0000-\u001f\u007f]*$/, "control characters are not allowed");

export const pageLimitSchema = z.coerce.number().int().min(1).max(200).optional().meta({ description: "Items per page, 1–200 (default 50)" });
// 300 characters of title, each up to six bytes in JSON, base64-encoded: well under 4,000.
export const cursorSchema = z.string().min(1).max(4000).regex(/^[A-Za-z0-9_-]+$/).optional().meta({ description: "nextCursor of the previous page" });

export const planQuerySchema = z.strictObject({
  q: text.optional().meta({ description: "Search in title, summary and case number" }),
  type: z.preprocess(list, z.array(z.enum(planTypes)).max(20).optional()).meta({ description: "Plan types (repeat or comma-separate)" }),
  status: z.preprocess(list, z.array(z.enum(planStatuses)).max(20).optional()).meta({ description: "Statuses (repeat or comma-separate)" }),
  unit: text.optional().meta({ description: "Responsible unit, exactly" }),
  goal: z.coerce.number().int().min(1).max(17).optional().meta({ description: "SDG goal 1–17 the plan addresses" }),
  required: z.enum(["yes", "no"]).optional().meta({ description: "Required by law" }),
  due: z.enum(dueStates).optional().meta({ description: "Revision due: overdue, soon (12 months), later, none" }),
  archived: z.enum(["true", "false"]).optional().meta({ description: "Include archived plans (token holders only)" }),
  sort: z.enum(sortColumns).optional().meta({ description: "Sort column (default title)" }),
  dir: z.enum(["asc", "desc"]).optional(),
  limit: pageLimitSchema,
  cursor: cursorSchema,
});
export type PlanQuery = z.output<typeof planQuerySchema>;

export const scheduleQuerySchema = z.strictObject({
  type: planQuerySchema.shape.type,
  unit: planQuerySchema.shape.unit,
  goal: planQuerySchema.shape.goal,
  due: planQuerySchema.shape.due,
  period: z.coerce.number().int().min(1900).max(2200).optional().meta({ description: "First year of an election period: plans due for revision in it" }),
  limit: pageLimitSchema,
  cursor: cursorSchema,
});
export type ScheduleQuery = z.output<typeof scheduleQuerySchema>;

export const periodQuerySchema = z.strictObject({ limit: pageLimitSchema, cursor: cursorSchema });
export const emptyQuerySchema = z.strictObject({});
export const idPathSchema = z.strictObject({ id: z.coerce.number().int().positive().max(2_147_483_647).meta({ description: "Numeric id" }) });

/** Search params as an object: a repeated name becomes an array. */
export function searchParamsObject(search: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(search.keys())) {
    const values = search.getAll(key);
    out[key] = values.length > 1 ? values : values[0]!;
  }
  return out;
}
