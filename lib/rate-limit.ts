// Fixed-window rate limits counted in PostgreSQL (rate_limit_counters), so a limit holds across
// every app instance. One statement per hit: an upsert that returns the window's count.
// Free of Prisma and Next.js: the HTTP edge (scripts/server.ts) calls it with a pg pool. Counters
// are per tenant: the row takes the transaction's tenant (decision 044).

/** Runs one SQL statement and returns its rows (a pg Pool's query, or a wrapper around Prisma). */
export type SqlRunner = (sql: string, params: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

export type RateLimitResult = { allowed: boolean; hits: number; retryAfterSeconds: number };

// Its commit does not wait for the WAL to reach the disk (synchronous_commit off for this
// transaction only): a counter is hit by every request of an address at once, and each commit's
// flush held the row's lock from the next. A crash may lose the last fraction of a second of
// counts, never a counter's consistency.
const COUNT_SQL = `
  INSERT INTO rate_limit_counters (key, window_start, hits)
  SELECT $1, to_timestamp(floor(extract(epoch FROM now()) / $2) * $2), 1
  FROM (SELECT set_config('synchronous_commit', 'off', true)) AS async_commit
  ON CONFLICT (tenant_id, key, window_start) DO UPDATE SET hits = rate_limit_counters.hits + 1
  RETURNING hits, ceil(extract(epoch FROM (window_start + make_interval(secs => $2) - now())))::int AS retry_after`;

// Old windows are removed by the first hit of each new window of a key: bounded work, no timer.
const PURGE_SQL = `DELETE FROM rate_limit_counters WHERE window_start < now() - interval '1 day'`;

/** A SqlRunner on a Prisma client (anything with its `$queryRawUnsafe`). */
export const queryRunner = (client: { $queryRawUnsafe<T>(sql: string, ...params: unknown[]): Promise<T> }): SqlRunner =>
  async (sql, params) => ({ rows: await client.$queryRawUnsafe<Record<string, unknown>[]>(sql, ...params) });

/** Counts one hit on `key` and says whether it is within `limit` hits per `windowSeconds`. */
export async function hitRateLimit(run: SqlRunner, key: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
  const { rows } = await run(COUNT_SQL, [key.slice(0, 200), windowSeconds]);
  const hits = Number(rows[0]?.hits ?? 1);
  if (hits === 1) await run(PURGE_SQL, []);
  return { allowed: hits <= limit, hits, retryAfterSeconds: Math.max(1, Number(rows[0]?.retry_after ?? windowSeconds)) };
}
