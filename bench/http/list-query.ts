// The register's default /plans read, timed two ways on the bench database (DATABASE_URL):
// (a) the exact SQL Prisma sends (captured from its query log) run with node-postgres — the
// floor; (b) lib/plans/list.ts's listPlansPage through a PrismaClient — what the page pays.
// Both in the same shape: the same statements, one after the other, as listPlansPage sends them.
// Run with `node --conditions=react-server --import tsx` ("server-only" is then importable).
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { createPrismaClient } from "../../lib/prisma-client";
import { listPlansPage, planListParamsSchema } from "../../lib/plans/list";
import { stats, type Stats } from "./stats";

const RUNS = Number(process.env.LIST_QUERY_RUNS ?? 200);
const WARMUP = 20;
const url = process.env.DATABASE_URL!;
const params = planListParamsSchema.parse({});
const now = new Date();

async function time(run: () => Promise<unknown>): Promise<Stats> {
  for (let i = 0; i < WARMUP; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await run();
    samples.push(performance.now() - t);
  }
  return stats(samples);
}

// Prisma's SQL and parameters for one listPlansPage call, in the order it sent them.
async function captureSql(): Promise<{ sql: string; params: unknown[] }[]> {
  const logged = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }), log: [{ emit: "event", level: "query" }] });
  const queries: { sql: string; params: unknown[] }[] = [];
  logged.$on("query", (e) => queries.push({ sql: e.query, params: JSON.parse(e.params) as unknown[] }));
  await listPlansPage(params, logged, now);
  await logged.$disconnect();
  return queries.filter((q) => !/^(BEGIN|COMMIT|DEALLOCATE)/i.test(q.sql));
}

const queries = await captureSql();
if (queries.length === 0) throw new Error("captured no queries from listPlansPage");
const pool = new pg.Pool({ connectionString: url, max: 10 });
const raw = await time(async () => {
  for (const q of queries) await pool.query(q.sql, q.params);
});
await pool.end();

// The measured municipality (the example data has several tenants; run.ts passes its id).
const client = createPrismaClient(url, { max: 10, tenant: Number(process.env.BENCH_TENANT_ID ?? 1) });
const page = await listPlansPage(params, client, now);
const layer = await time(() => listPlansPage(params, client, now));
await client.$disconnect();

console.log(JSON.stringify({ runs: RUNS, total: page.total, sql: queries.map((q) => q.sql), raw, layer }));
process.exit(0);
