// The schedule's filters and grouping, from the URL. Lenient: anything malformed is ignored.
import { z } from "zod";
import { planTypes } from "../plans/schema";
import { many, optional } from "../url-params";
import { dueStates } from "./due";

export const scheduleGroupings = ["type", "unit", "none"] as const;
export type ScheduleGrouping = (typeof scheduleGroupings)[number];

export const scheduleParamsSchema = z.object({
  type: many(z.enum(planTypes)),
  unit: optional(z.string().trim().min(1).max(200)),
  goal: optional(z.coerce.number().int().min(1).max(17)),
  /** First year of an election period: only plans due for revision in it. */
  period: optional(z.coerce.number().int().min(1900).max(2200)),
  group: optional(z.enum(scheduleGroupings)),
  due: optional(z.enum(dueStates)),
  page: optional(z.coerce.number().int().min(1).max(100_000)),
  /** Plans per page (SCHEDULE_PAGE_SIZE by default); bounded so no page grows with the register. */
  size: optional(z.coerce.number().int().min(10).max(200)),
});
export type ScheduleParams = z.output<typeof scheduleParamsSchema>;

/** Plans per page of the schedule when the URL does not say. */
export const SCHEDULE_PAGE_SIZE = 50;

/** The schedule's URL for these params (print, pages and the download keep them). */
export function scheduleHref(p: ScheduleParams, change: Partial<ScheduleParams> = {}, path = "/schedule"): string {
  const merged = { ...p, ...change };
  const query = new URLSearchParams();
  for (const t of merged.type) query.append("type", t);
  if (merged.unit) query.set("unit", merged.unit);
  if (merged.goal) query.set("goal", String(merged.goal));
  if (merged.period) query.set("period", String(merged.period));
  if (merged.group) query.set("group", merged.group);
  if (merged.due) query.set("due", merged.due);
  if (merged.size) query.set("size", String(merged.size));
  if (merged.page && merged.page > 1) query.set("page", String(merged.page));
  const s = query.toString();
  return s ? `${path}?${s}` : path;
}
