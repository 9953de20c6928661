// The bench's own database: a fresh one on a PostgreSQL server (TEST_DATABASE_URL, else the local
// default), or an in-memory embedded one run in a child process (bench/http/embedded-db.ts) so
// PGlite does not share an event loop with the load generator. Prepared as npm start prepares the
// demo (migrations, SDG data, Røros example, demo users) and then filled with synthetic plans.
import { spawn } from "node:child_process";
import pg from "pg";
import readline from "node:readline";
import { createFreshDatabase } from "../../scripts/db/fresh";
import { prepareDatabase } from "../../scripts/db/prepare";
import { urlFromPgConfig, pgConfigFromUrl } from "../../scripts/db/connection";
import { seedSynthetic, type SyntheticReport } from "../../scripts/db/synthetic";
import { assertReachable } from "../../scripts/db/target";
import { projectRoot } from "../../scripts/db/schema-engine";

const LOCAL_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres";

/** `tenant`: the measured municipality (the demo one, on the host "localhost"); `tenants`: how many the database holds. */
export type BenchDatabase = { url: string; where: string; report: SyntheticReport; seedMs: number; tenant: number; tenants: number; close: () => Promise<void> };

async function serverDatabase(plans: number, keep: boolean, tenants: number): Promise<BenchDatabase> {
  const server = process.env.TEST_DATABASE_URL || LOCAL_SERVER;
  await assertReachable(pgConfigFromUrl(server)).catch((error: Error) => {
    throw new Error(`${error.message}\nSet TEST_DATABASE_URL to a PostgreSQL server, or run with --embedded.`);
  });
  const target = await createFreshDatabase("planregister_bench", server);
  try {
    const started = Date.now();
    await prepareDatabase(target, { demo: true });
    const url = urlFromPgConfig(target.config);
    const each = Math.ceil(plans / tenants);
    const report = await seedSynthetic(url, { plans: each, analyze: tenants === 1 });
    const tenant = tenants > 1 ? await addTenants(url, tenants - 1, each) : 1;
    const { host, port, database } = target.config;
    return {
      url, where: `PostgreSQL ${host}:${port}/${database}${tenants > 1 ? `, ${tenants} municipalities × ${each} plans` : ""}`, report, seedMs: Date.now() - started, tenant, tenants,
      close: async () => {
        if (keep) console.log(`Kept the database (--keep): ${url}`);
        else await target.close();
      },
    };
  } catch (error) {
    await target.close();
    throw error;
  }
}

/**
 * Adds `count` municipalities with `plans` synthetic plans each, created as the owner (as the
 * operator's tenant creation does), and puts the demo municipality on the host "localhost", so the
 * bench's requests (Host: localhost) are its. Returns the demo municipality's id.
 */
async function addTenants(url: string, count: number, plans: number): Promise<number> {
  const owner = new pg.Client({ connectionString: url });
  await owner.connect();
  try {
    const demo = Number((await owner.query<{ id: number }>("SELECT min(id) AS id FROM tenants")).rows[0]!.id);
    for (let i = 1; i <= count; i++) {
      const { rows } = await owner.query<{ id: number }>(
        "INSERT INTO tenants (kommunenummer, name, county_number, county_name) VALUES ($1, $2, '50', 'Trøndelag') RETURNING id",
        [String(8000 + i), `Benchkommune ${i}`]);
      await seedSynthetic(url, { plans, tenant: rows[0]!.id, seed: 1000 + i, analyze: false });
      if (i % 10 === 0) console.log(`  ${i + 1} municipalities seeded…`);
    }
    await owner.query("INSERT INTO tenant_hosts (host, tenant_id) VALUES ('localhost', $1) ON CONFLICT (host) DO UPDATE SET tenant_id = EXCLUDED.tenant_id", [demo]);
    await owner.query("ANALYZE");
    return demo;
  } finally {
    await owner.end();
  }
}

async function embeddedDatabase(plans: number, keep: boolean): Promise<BenchDatabase> {
  if (keep) console.log("--keep has no effect with --embedded: the embedded bench database lives in memory.");
  const child = spawn(process.execPath, ["--import", "tsx", "bench/http/embedded-db.ts", String(plans)], { cwd: projectRoot, stdio: ["ignore", "pipe", "inherit"] });
  const lines = readline.createInterface({ input: child.stdout! });
  const ready = await new Promise<{ url: string; report: SyntheticReport; seedMs: number }>((resolve, reject) => {
    lines.on("line", (line) => (line.startsWith("{") ? resolve(JSON.parse(line)) : console.log(line)));
    child.once("exit", (code) => reject(new Error(`the embedded database exited (code ${code}) before it was ready`)));
  });
  return {
    ...ready, where: "embedded PGlite (in memory, own process)", tenant: 1, tenants: 1,
    close: async () => {
      if (child.exitCode !== null) return;
      const gone = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await gone;
    },
  };
}

/** Creates, prepares and fills the bench database; `close()` drops it (unless `keep`). */
export function openBenchDatabase(options: { embedded: boolean; plans: number; keep: boolean; tenants: number }): Promise<BenchDatabase> {
  if (options.embedded && options.tenants > 1) throw new Error("--tenants needs a PostgreSQL server (not --embedded).");
  return options.embedded ? embeddedDatabase(options.plans, options.keep) : serverDatabase(options.plans, options.keep, options.tenants);
}
