// Links within the register that keep the current filters (all view state lives in the URL).
import type { PlanListParams } from "./list";

type Overrides = Partial<Record<keyof PlanListParams, string | string[] | number | undefined>>;

/** "/plans?…" (or `base`, e.g. "/innsyn") for `params` with `overrides` applied (undefined removes a parameter). */
export function listHref(params: PlanListParams, overrides: Overrides = {}, base = "/plans"): string {
  const merged: Record<string, unknown> = { ...params, ...overrides };
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === null || value === "") continue;
    for (const v of Array.isArray(value) ? value : [value]) search.append(key, String(v));
  }
  const query = search.toString();
  return query ? `${base}?${query}` : base;
}
