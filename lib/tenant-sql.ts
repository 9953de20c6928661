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

/** One statement on `pool` in a transaction of its own with the tenant set (a SqlRunner for lib/rate-limit.ts). */
export async function tenantQuery(pool: pg.Pool, sql: string, params: unknown[] = [], tenantId = currentTenantId()): Promise<pg.QueryResult> {
  const client = await pool.connect();
  try {
    return await inTenantTransaction(client, () => client.query(sql, params), tenantId);
  } finally {
    client.release();
  }
}
