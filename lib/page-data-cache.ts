// What a signed-in page reads from the register, kept in this instance until the register's
// version moves (decision 060). The key is the tenant, the register's version in PostgreSQL (read
// once per request, after the request arrived, in the session check's own statement), the date
// in Oslo (due dates count from it), the user's role and language, the page and its parameters:
// a save in any instance moves the version, so every instance reads afresh on its next request;
// another tenant, role or language never shares an entry. The page still checks the session and
// role itself before asking for its data; only the queries behind it are skipped.
import "server-only";
import { registerVersion } from "./register-cache";
import { currentTenantId } from "./tenant-context";
import { isoDate, todayInOslo } from "./dates";

/** At most this many pages' data per instance; the least recently used go first. */
export const MAX_PAGE_DATA_ENTRIES = 256;
const entries = new Map<string, Promise<unknown>>();

export type PageDataKey = { page: string; role: string; locale: string; params?: unknown };

/** The cache key of `part` in the current tenant at `version` (exported for the tests). */
export function pageDataKey(part: PageDataKey, version: bigint, today = isoDate(todayInOslo())): string {
  return JSON.stringify([currentTenantId(), String(version), today, part.role, part.locale, part.page, part.params ?? null]);
}

/**
 * `load()`'s value for this tenant, register version, day, role, language, page and parameters;
 * loaded once per such key in this instance. A failed load is not kept. The value is shared by
 * requests: never mutate it.
 */
export async function cachedPageData<T>(part: PageDataKey, load: () => Promise<T>, readVersion: () => Promise<bigint> = registerVersion): Promise<T> {
  const key = pageDataKey(part, await readVersion());
  const hit = entries.get(key);
  if (hit) {
    entries.delete(key);
    entries.set(key, hit);
    return hit as Promise<T>;
  }
  const value = load();
  entries.set(key, value);
  if (entries.size > MAX_PAGE_DATA_ENTRIES) entries.delete(entries.keys().next().value!);
  value.catch(() => { if (entries.get(key) === value) entries.delete(key); });
  return value;
}
