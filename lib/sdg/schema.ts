// URL parameters of the SDG coverage pages, parsed as leniently as the register's.
import { z } from "zod";
import { endedStatuses } from "../plans/active";
import { planListParamsSchema } from "../plans/list";
import { planStatuses } from "../plans/schema";
import { optional } from "../url-params";

/** Plans per page of the per-plan table when the URL does not say. */
export const SDG_PAGE_SIZE = 50;
/** How many plans the goal page lists under one target before linking to the register. */
export const PLANS_PER_TARGET = 20;

/** Filters of /sdg and /sdg/[goal]: plan type and responsible unit; malformed values are ignored. */
export const sdgCoverageParamsSchema = planListParamsSchema.pick({ type: true, unit: true });
export type SdgCoverageParams = z.output<typeof sdgCoverageParamsSchema>;

/** /sdg's parameters: the filters, and the page and page size (10–200) of the per-plan table. */
export const sdgPageParamsSchema = sdgCoverageParamsSchema.extend({
  page: optional(z.coerce.number().int().min(1).max(100_000)),
  size: optional(z.coerce.number().int().min(10).max(200)),
});
export type SdgPageParams = z.output<typeof sdgPageParamsSchema>;

/** A goal code in the path: exactly 1–17 as written ("011", "1e1" or "3.0" are not goals). */
export const goalCodeSchema = z.string().regex(/^(?:[1-9]|1[0-7])$/).transform(Number);

/** Whether any filter is set. */
export const isFiltered = (p: SdgCoverageParams) => p.type.length > 0 || p.unit !== undefined;

function filterSearch(p: SdgCoverageParams): URLSearchParams {
  const search = new URLSearchParams();
  for (const type of p.type) search.append("type", type);
  if (p.unit) search.set("unit", p.unit);
  return search;
}

const withMark = (search: URLSearchParams) => {
  const query = search.toString();
  return query ? `?${query}` : "";
};

/** "?type=…&unit=…" for links that keep the filters (empty when there are none). */
export const filterQuery = (p: SdgCoverageParams): string => withMark(filterSearch(p));

/** The /sdg URL of one page of the per-plan table, keeping the filters and a chosen page size. */
export function sdgPageHref(p: SdgPageParams, page: number): string {
  const search = filterSearch(p);
  if (p.size) search.set("size", String(p.size));
  if (page > 1) search.set("page", String(page));
  return `/sdg${withMark(search)}#sdg-plans`;
}

/** The register's list of the active plans (filtered) addressing a goal, for "… and N more". */
export function registerGoalHref(goal: number, p: SdgCoverageParams): string {
  const search = filterSearch(p);
  search.set("goal", String(goal));
  for (const status of planStatuses) if (!(endedStatuses as readonly string[]).includes(status)) search.append("status", status);
  return `/plans?${search.toString()}`;
}
