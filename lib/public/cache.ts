// What innsyn and the API show the public is cached in Next.js's data cache (in memory, bounded:
// next.config.js, decision 041), keyed by the tenant and its register's version in PostgreSQL
// (lib/register-cache.ts) and tagged per tenant. A save invalidates its tenant's tag in the same
// request (invalidatePublicCache), so this instance never serves a stale plan; the version in the
// key does the same for every other instance, which never saw that request. Versions are per
// tenant and may coincide, so the tenant leads the key: one municipality's answer is never
// another's, and a save in one never drops another's (decision 057).
import "server-only";
import { revalidateTag, unstable_cache } from "next/cache";
import { registerVersion, tenantCacheKey } from "../register-cache";

/** The data-cache tag of the current tenant's public answers. */
export const publicCacheTag = () => `innsyn:${tenantCacheKey()}`;

/** `load()`'s JSON-safe value, shared by every public reader of this tenant until its register or settings change. */
export async function cachedPublic<T>(key: string, load: () => Promise<T>): Promise<T> {
  const version = await registerVersion();
  const tenant = tenantCacheKey();
  return unstable_cache(load, ["innsyn", tenant, String(version), key.slice(0, 2000)], { tags: [`innsyn:${tenant}`], revalidate: 3600 })();
}

/** Drops every cached public answer of the current tenant at once (call after any change they may show). */
export function invalidatePublicCache(): void {
  revalidateTag(publicCacheTag(), { expire: 0 });
}
