// The app as `npm start` runs it (scripts/run.ts: the web server and the mail worker) on its own
// fresh database, while every connection to that database is terminated again and again — also
// in the middle of a mail scan, and by the server's own idle_session_timeout. It must go on
// serving, and the worker must go on working (run.ts stops everything when the worker dies).
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import PgBoss from "pg-boss";
import { createFreshDatabase } from "../scripts/db/fresh";
import { urlFromPgConfig } from "../scripts/db/connection";
import { projectRoot } from "../scripts/db/schema-engine";
import type { DbTarget } from "../scripts/db/target";

test.describe.configure({ mode: "serial" });
test.skip(!process.env.TEST_DATABASE_URL, "needs a PostgreSQL server (TEST_DATABASE_URL) to terminate its backends");
test.setTimeout(600_000);

// lib/mail/worker.ts SCAN_QUEUE (that module pulls in JSON imports the test runner cannot load).
const SCAN_QUEUE = "mail-scan";
const port = Number(process.env.E2E_PORT ?? 3210) + 7;
const url = `http://localhost:${port}`;
let target: DbTarget;
let app: ChildProcess;
let admin: pg.Client;
let boss: PgBoss;
let output = "";

const terminateAll = async () =>
  (await admin.query<{ n: number }>("SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [target.config.database])).rows[0]!.n;
const status = (pathname: string) => fetch(`${url}${pathname}`, { redirect: "manual", signal: AbortSignal.timeout(20_000) }).then((r) => r.status, () => 0);
const alive = () => app.exitCode === null && app.signalCode === null;

test.beforeAll(async () => {
  // Starting npm start (migrations, Next.js, the worker) takes minutes on a busy machine.
  test.setTimeout(420_000);
  target = await createFreshDatabase("planregister_e2e_kill");
  const databaseUrl = urlFromPgConfig(target.config);
  admin = new pg.Client({ ...target.config, database: "postgres" });
  admin.on("error", () => {});
  await admin.connect();
  // The server ends every session idle this long, as some managed PostgreSQL services do.
  await admin.query(`ALTER DATABASE "${target.config.database}" SET idle_session_timeout = '3s'`);
  app = spawn(process.execPath, ["--import", "tsx", path.join(projectRoot, "scripts/run.ts"), "start"], {
    cwd: projectRoot,
    stdio: ["ignore", "pipe", "pipe"],
    // Only what npm start needs: the test runner's own variables are not the app's.
    env: { NODE_ENV: "production", PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port), DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: "e".repeat(43), NEXTAUTH_URL: url, SMTP_URL: "", HOSTNAME: "localhost" },
  });
  for (const stream of [app.stdout!, app.stderr!]) stream.on("data", (chunk: Buffer) => void (output += chunk.toString()));
  await expect.poll(() => (alive() ? status("/api/health/ready") : Promise.resolve(-1)), { timeout: 300_000 }).toBe(200);
  expect(alive(), output).toBe(true);
  // The test's own pg-boss, only to put scan jobs in the worker's queue (no maintenance of its own).
  boss = new PgBoss({ connectionString: databaseUrl, max: 1, supervise: false, schedule: false, migrate: false });
  boss.on("error", () => {});
  await boss.start();
});

test.afterAll(async () => {
  test.setTimeout(60_000);
  if (app && alive()) {
    app.kill("SIGTERM");
    await new Promise((resolve) => app.once("exit", resolve));
  }
  await boss?.stop({ graceful: false }).catch(() => {});
  await admin?.end().catch(() => {});
  await target?.close();
});

test("terminating every connection of the app's database, idle ones and one mid-scan, leaves the web server serving and the worker working", async () => {
  // A scan that holds its connection: it waits for a lock this session keeps until all is killed.
  const locker = new pg.Client(target.config);
  locker.on("error", () => {});
  await locker.connect();
  await locker.query("BEGIN");
  await locker.query("LOCK TABLE mail_deliveries IN ACCESS EXCLUSIVE MODE");
  await boss.send(SCAN_QUEUE, {});
  await expect.poll(async () => (await admin.query("SELECT 1 FROM pg_stat_activity WHERE datname = $1 AND application_name = 'planregister-mail-scan' AND wait_event_type = 'Lock'", [target.config.database])).rowCount, { timeout: 30_000 }).toBe(1);

  for (let round = 0; round < 5; round++) {
    expect(await terminateAll()).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 1500));
    expect(alive(), output).toBe(true);
    await expect.poll(() => status("/api/health/ready"), { timeout: 20_000 }).toBe(200);
  }
  // Long enough for idle_session_timeout to end the pools' idle connections more than once.
  await new Promise((r) => setTimeout(r, 8000));
  expect(alive(), output).toBe(true);
  expect(await status("/login")).toBe(200);
  expect(await status("/api/health/ready")).toBe(200);

  // The worker still takes jobs: a new scan runs to completion.
  const id = await boss.send(SCAN_QUEUE, {});
  await expect.poll(async () => (await boss.getJobById(SCAN_QUEUE, id!))?.state, { timeout: 60_000 }).toBe("completed");
  expect(alive(), output).toBe(true);
  expect(output).not.toMatch(/The mail worker stopped|Next\.js stopped/);
});
