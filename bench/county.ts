// npm run bench:county [-- --municipalities 40 --plans 1000 --runs 200]
// The county view at 1 connection (issue 19, item 8: ≤ 100 ms for 40 municipalities). A database
// of its own: N municipalities of county 50 with M plans each (mixed statuses and revision dates)
// and a planning strategy each (on time, late, not adopted, or none), plus the county office with
// one statsforvalter. Measures, one request after the other, (1) county_overview() through the
// app's Prisma client (transaction, tenant, the function) and (2) GET /county on the production
// server (`npm start`'s), signed in as the statsforvalter on the office's host. Prints p50/p95.
// A benchmark, not a test: it asserts nothing but that the answers are whole.
import http from "node:http";
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { createFreshDatabase } from "../scripts/db/fresh";
import { deployMigrations } from "../scripts/db/migrations";
import { urlFromPgConfig, withClient } from "../scripts/db/connection";
import { createPrismaClient } from "../lib/prisma-client";
import { withTenant } from "../lib/tenant-context";
import { createSessionRow, encodeSessionToken } from "../lib/auth/session-token";
import { getCountyOverview } from "../lib/county/queries";
import { todayInOslo } from "../lib/dates";
import { buildIfStale, startApp } from "./http/server";

const { values } = parseArgs({ options: { municipalities: { type: "string", default: "40" }, plans: { type: "string", default: "1000" }, runs: { type: "string", default: "200" } } });
const municipalities = Number(values.municipalities);
const plansEach = Number(values.plans);
const runs = Number(values.runs);
const HOST = "statsforvalter.localhost";

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const summary = (xs: number[]) => `p50 ${percentile(xs, 50).toFixed(1)} ms, p95 ${percentile(xs, 95).toFixed(1)} ms, min ${Math.min(...xs).toFixed(1)} ms (${xs.length} runs)`;

async function time(fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 20; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    out.push(performance.now() - start);
  }
  return out;
}

function get(port: string, path: string, cookie: string): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    http.get({ host: "127.0.0.1", port, path, headers: { host: `${HOST}:${port}`, cookie } }, (res) => {
      let bytes = 0;
      res.on("data", (c: Buffer) => (bytes += c.length)).on("end", () => resolve({ status: res.statusCode ?? 0, bytes }));
    }).on("error", reject);
  });
}

const target = await createFreshDatabase("planregister_bench_county");
const url = urlFromPgConfig(target.config);
try {
  await deployMigrations(target.config, target.shadow);
  const seeded = performance.now();
  const officeId = await withClient(target.config, async (c) => {
    // Set-based, as the owner (who bypasses row-level security; each row names its tenant).
    await c.query(`INSERT INTO tenants (kind, kommunenummer, name, county_number, county_name)
      SELECT 'municipality', lpad((5100 + g)::text, 4, '0'), 'Kommune ' || g, '50', 'Trøndelag' FROM generate_series(1, $1) g`, [municipalities]);
    const { rows } = await c.query<{ id: number }>(`INSERT INTO tenants (kind, name, county_number, county_name) VALUES ('county', 'Statsforvalteren i Trøndelag', '50', 'Trøndelag') RETURNING id`);
    await c.query(`INSERT INTO tenant_hosts (host, tenant_id) VALUES ($1, $2)`, [HOST, rows[0]!.id]);
    // The first municipality on localhost, where the server's start-up probe asks.
    await c.query(`INSERT INTO tenant_hosts (host, tenant_id) SELECT 'localhost', min(id) FROM tenants WHERE kind = 'municipality'`);
    await c.query(`
      INSERT INTO plans (tenant_id, title, type, status, adopted_on, adopted_by, revision_due_on, archived_at, updated_at)
      SELECT t.id, 'Plan ' || g, (ARRAY['temaplan','kommunedelplan','handlingsplan','strategi']::"PlanType"[])[1 + g % 4],
             s.status, CASE WHEN s.status IN ('vedtatt','under_revisjon','opphevet') THEN date '2015-01-01' + (g % 3000) END,
             CASE WHEN s.status IN ('vedtatt','under_revisjon','opphevet') THEN 'kommunestyret'::"DecisionBody" END,
             CASE WHEN g % 7 <> 0 THEN date '2020-01-01' + (g * 37 % 4000) END,
             CASE WHEN g % 50 = 0 THEN now() END,
             now() - make_interval(mins => g)
      FROM tenants t CROSS JOIN generate_series(1, $1) g
      CROSS JOIN LATERAL (SELECT (ARRAY['vedtatt','vedtatt','vedtatt','under_revisjon','planlagt','opphevet']::"PlanStatus"[])[1 + g % 6] AS status) s
      WHERE t.kind = 'municipality'`, [plansEach]);
    await c.query(`
      INSERT INTO strategy_periods (tenant_id, name, start_year, end_year, council_constituted_on, draft_published_on, adopted_on, updated_at)
      SELECT t.id, 'Planstrategi 2024–2027', 2024, 2027, date '2023-10-12' + (t.id % 20),
             CASE WHEN t.id % 4 <> 3 THEN date '2024-04-01' + (t.id * 11 % 200) END,
             CASE WHEN t.id % 4 IN (0, 1) THEN date '2024-06-01' + (t.id * 13 % 250) END, now()
      FROM tenants t WHERE t.kind = 'municipality' AND t.id % 5 <> 0`);
    await c.query("ANALYZE");
    return rows[0]!.id;
  });
  console.log(`Seeded ${municipalities} municipalities × ${plansEach} plans in ${((performance.now() - seeded) / 1000).toFixed(1)} s.`);

  const db = createPrismaClient(url, { max: 1 });
  const secret = randomBytes(32).toString("base64url");
  const cookie = await withTenant(officeId, async () => {
    const user = await db.user.create({ data: { email: "bench@statsforvalter.no", name: "Bench", role: "statsforvalter" } });
    const { claims } = await createSessionRow(db, user, "password", 3600);
    return `__Host-planregister.session=${await encodeSessionToken(claims, secret, 3600)}`;
  });
  const today = todayInOslo();
  const rows = await withTenant(officeId, () => getCountyOverview(today, db));
  if (rows.length !== municipalities) throw new Error(`county_overview gave ${rows.length} rows, not ${municipalities}`);
  console.log(`county_overview() via Prisma, 1 connection: ${summary(await withTenant(officeId, () => time(() => getCountyOverview(today, db))))}`);
  await db.$disconnect();

  await buildIfStale();
  // The embedded database's socket runs every client as its superuser: the app then takes the app
  // role per transaction, as npm start sets it up for its own embedded database (decision 045).
  const app = await startApp({ databaseUrl: url, secret, extraEnv: { MAIL_WORKER: "0", ...(target.embedded ? { DATABASE_APP_ROLE: "set-local" } : {}) } });
  try {
    const port = new URL(app.url).port;
    const first = await get(port, "/county", cookie);
    if (first.status !== 200) throw new Error(`GET /county answered ${first.status}\n${app.log()}`);
    console.log(`GET /county (${municipalities} municipalities, ${first.bytes} bytes), 1 connection: ${summary(await time(() => get(port, "/county", cookie)))}`);
    console.log(`GET /county/download?format=json, 1 connection: ${summary(await time(() => get(port, "/county/download?format=json", cookie)))}`);
  } finally {
    await app.stop();
  }
} finally {
  await target.close();
}
