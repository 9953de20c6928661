// Raw node-postgres with the tenant set (decision 045), for the code that does not go through
// Prisma: the edge, the mail scan, scripts. No Next.js or Prisma here.
import type pg from "pg";
import { tenantStatement } from "./db-role";
import { currentTenantId } from "./tenant-context";

/** Runs `fn` in a transaction on `client` whose tenant is `tenantId` (default: withTenant's), then commits. */
export async function inTenantTransaction<T>(client: pg.ClientBase, fn: () => Promise<T>, tenantId = currentTenantId()): Promise<T> {
  try {
    // BEGIN and the tenant in one simple-query round trip (decision 059); if setting the tenant
    // fails, the ROLLBACK below ends the aborted transaction before the client goes back to a pool.
    await client.query(`BEGIN; ${tenantStatement(tenantId)}`);
    const result = await fn();
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

/**
 * `fn` with a client of `pool`. pg-pool stops listening for a client's errors while it is checked
 * out, so a connection ended meanwhile (a restart, failover, pg_terminate_backend,
 * idle_session_timeout) would be an unheard 'error' that ends the process. It is heard here
 * (`lost()` returns it): the query in flight fails with it, and a client that failed in any way
 * is discarded rather than given to the next request.
 */
export async function withPoolClient<T>(pool: pg.Pool, fn: (client: pg.PoolClient, lost: () => Error | undefined) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let lost: Error | undefined;
  const onLost = (error: Error) => void (lost ??= error);
  client.on("error", onLost);
  let failed = false;
  try {
    return await fn(client, () => lost);
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    client.removeListener("error", onLost);
    client.release(lost ?? failed);
  }
}

/** One statement on `pool` in a transaction of its own with the tenant set (a SqlRunner for lib/rate-limit.ts). */
export function tenantQuery(pool: pg.Pool, sql: string, params: unknown[] = [], tenantId = currentTenantId()): Promise<pg.QueryResult> {
  return withPoolClient(pool, (client) => inTenantTransaction(client, () => client.query(sql, params), tenantId));
}
