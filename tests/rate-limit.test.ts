// The rate-limit counter (lib/rate-limit.ts): one upsert per hit, whose transaction alone commits
// without waiting for the WAL flush, so the requests of one address do not queue behind each
// other's disk writes; the setting never outlives that transaction on a pooled connection.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appConnection } from "../lib/db-role";
import { hitRateLimit } from "../lib/rate-limit";
import { inTenantTransaction } from "../lib/tenant-sql";

let client: pg.Client;
beforeAll(async () => {
  client = new pg.Client({ connectionString: appConnection(process.env.DATABASE_URL!).url });
  await client.connect();
});
afterAll(() => client.end());

describe("rate-limit counters", () => {
  it("count hits per key and window, and refuse past the limit", async () => {
    const key = `test:${crypto.randomUUID()}`;
    const run = (sql: string, params: unknown[]) => inTenantTransaction(client, () => client.query(sql, params), null);
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await hitRateLimit(run, key, 2, 60));
    expect(results.map((r) => [r.allowed, r.hits])).toEqual([[true, 1], [true, 2], [false, 3]]);
    expect(results[2]!.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("a hit's transaction commits asynchronously, and the connection is back to synchronous commits after it", async () => {
    const seen = await inTenantTransaction(client, async () => {
      await hitRateLimit((sql, params) => client.query(sql, params), `test:${crypto.randomUUID()}`, 10, 60);
      return (await client.query("SHOW synchronous_commit")).rows[0].synchronous_commit;
    }, null);
    expect(seen).toBe("off");
    expect((await client.query("SHOW synchronous_commit")).rows[0].synchronous_commit).toBe("on");
  });
});
