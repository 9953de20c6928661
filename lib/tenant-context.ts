// The tenant (municipality) that the current request, job or script works for (decision 045).
// Set once — by the edge from the host name, by the worker and scripts explicitly — and read by
// every database access. No Next.js or Prisma here: the edge, the worker and scripts use it too.
import { AsyncLocalStorage } from "node:async_hooks";

// One store per process: the edge and the app's server bundle each load their own copy of this
// module, and must share it.
const key = Symbol.for("planregister.tenant");
const holder = globalThis as unknown as { [key]?: AsyncLocalStorage<number> };
const storage = (holder[key] ??= new AsyncLocalStorage<number>());

/**
 * Runs `fn` (and everything it starts) for tenant `tenantId`. Awaits inside the tenant: Prisma's
 * queries are lazy and run when awaited, which must happen while the tenant is set.
 */
export function withTenant<T>(tenantId: number, fn: () => T | PromiseLike<T>): Promise<T> {
  if (!Number.isSafeInteger(tenantId) || tenantId <= 0) throw new Error(`Not a tenant id: ${tenantId}`);
  return storage.run(tenantId, async () => await fn());
}

/** The tenant set by withTenant, or null: the database then uses its only tenant, or refuses. */
export function currentTenantId(): number | null {
  return storage.getStore() ?? null;
}
