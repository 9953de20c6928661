// What innsyn and the API show the public is cached in Next.js's data cache (in memory, bounded:
// next.config.js, decision 041), tagged "innsyn" and
// keyed by the register's version in PostgreSQL (lib/register-cache.ts). A save invalidates the
// tag in the same request (invalidatePublicCache), so this instance never serves a stale plan; the
// version in the key does the same for every other instance, which never saw that request.
import "server-only";
import { revalidateTag, unstable_cache } from "next/cache";
import { registerVersion } from "../register-cache";

export const PUBLIC_CACHE_TAG = "innsyn";

/** `load()`'s JSON-safe value, shared by every public reader until the register or the settings change. */
export async function cachedPublic<T>(key: string, load: () => Promise<T>): Promise<T> {
  const version = await registerVersion();
  return unstable_cache(load, ["innsyn", String(version), key.slice(0, 2000)], { tags: [PUBLIC_CACHE_TAG], revalidate: 3600 })();
}

/** Drops every cached public answer at once (call after any change they may show). */
export function invalidatePublicCache(): void {
  revalidateTag(PUBLIC_CACHE_TAG, { expire: 0 });
}
