// URL parameters of the SDG coverage pages, parsed as leniently as the register's.
import { z } from "zod";
import { planListParamsSchema } from "../plans/list";

/** Filters of /sdg and /sdg/[goal]: plan type and responsible unit; malformed values are ignored. */
export const sdgCoverageParamsSchema = planListParamsSchema.pick({ type: true, unit: true });
export type SdgCoverageParams = z.output<typeof sdgCoverageParamsSchema>;

/** A goal code in the path: exactly 1–17 as written ("011", "1e1" or "3.0" are not goals). */
export const goalCodeSchema = z.string().regex(/^(?:[1-9]|1[0-7])$/).transform(Number);

/** Whether any filter is set. */
export const isFiltered = (p: SdgCoverageParams) => p.type.length > 0 || p.unit !== undefined;

/** "?type=…&unit=…" for links that keep the filters (empty when there are none). */
export function filterQuery(p: SdgCoverageParams): string {
  const search = new URLSearchParams();
  for (const type of p.type) search.append("type", type);
  if (p.unit) search.set("unit", p.unit);
  const query = search.toString();
  return query ? `?${query}` : "";
}
