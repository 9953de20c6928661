// A database connection ended while a statement runs on it (a restart, failover,
// pg_terminate_backend, idle_session_timeout) fails that statement and nothing else: the edge's
// and the mail scan's pooled clients (lib/tenant-sql.ts withPoolClient) must never leave the
// 'error' it raises unheard, which would end the whole process (issue 22, finding 4).
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { appConnection } from "../lib/db-role";
import { tenantQuery } from "../lib/tenant-sql";

const NAME = `planregister-connection-loss-${process.pid}`;
let pool: pg.Pool;
let owner: pg.Client;
const uncaught: unknown[] = [];
const onUncaught = (error: unknown) => void uncaught.push(error);

beforeAll(async () => {
  const url = process.env.DATABASE_URL!;
  pool = new pg.Pool({ connectionString: appConnection(url).url, application_name: NAME, max: 4 });
  pool.on("error", () => {});
  owner = new pg.Client({ connectionString: url });
  await owner.connect();
  process.on("uncaughtException", onUncaught);
});

afterAll(async () => {
  process.off("uncaughtException", onUncaught);
  await pool.end();
  await owner.end();
});

describe("pooled clients whose connection is ended", () => {
  // The embedded database has one session for all clients: there is no backend of ours to end.
  it.skipIf(inject("embedded"))("a statement whose backend is terminated fails on its own, the process goes on, and the pool serves the next", async () => {
    for (let round = 0; round < 3; round++) {
      const running = Array.from({ length: 4 }, () => tenantQuery(pool, "SELECT pg_sleep(2)").then(() => "done", (error: Error) => error.message));
      await expect.poll(async () => (await owner.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND query LIKE '%pg_sleep%'", [NAME])).rows[0].n, { timeout: 5000 }).toBe(4);
      await owner.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1", [NAME]);
      const outcomes = await Promise.all(running);
      expect(outcomes.every((o) => o !== "done"), outcomes.join(" | ")).toBe(true);
      // Give an unheard 'error' the turn of the event loop it would take to end the process.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(uncaught).toEqual([]);
      expect((await tenantQuery(pool, "SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
    }
  });
});
