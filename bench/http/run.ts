// npm run bench:http [-- --plans 10000 --seconds 10 --connections 16 --rows plans,sdg --embedded --keep]
// The production app under HTTP load: its own database (fresh, demo data + N synthetic plans), the
// server as `npm start` runs it, a real sign-in in Chromium, then autocannon per page. Prints one
// table (req/s, latency, bytes, errors, req/s relative to a static file from the same server),
// first-load JS, the server's peak memory, and the register's list query raw vs through Prisma.
// `--cpu-prof <dir>` profiles the server's processes (bench/http/cpu-profile.mjs; written when they stop).
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { benchArgs, type RowKey } from "./args";
import { signInAndMeasure, type FirstLoad } from "./browser";
import { openBenchDatabase } from "./database";
import { readFixtures, SEARCH, type Fixtures } from "./fixtures";
import { drive, resultTable, warmUp, type Row, type RowResult } from "./load";
import { anchorFor, anchorRows, buildAnchor, startAnchor, type Anchor } from "./anchor";
import { buildIfStale, memoryOf, startApp, waitIdle, type AppServer } from "./server";
import type { Stats } from "./stats";
import { projectRoot } from "../../scripts/db/schema-engine";
import { demoUsers } from "../../prisma/seed/demo";

const args = benchArgs();
const viewer = demoUsers.find((u) => u.role === "viewer")!;

function rowsFor(f: Fixtures, staticPath: string): Record<RowKey, Row> {
  const search = new URLSearchParams(SEARCH).toString();
  const pages = f.searchPages >= 40 ? `of ${f.searchPages}` : `— only ${f.searchPages} pages, shows the last`;
  return {
    static: { key: "static", label: `static chunk ${staticPath.split("/").pop()}`, path: staticPath, expectType: /javascript/ },
    // The floor for a dynamic answer: a route handler with no database and no React.
    health: { key: "health", label: "floor: /api/health (route handler)", path: "/api/health", expectType: /json/ },
    plans: { key: "plans", label: "/plans", path: "/plans" },
    // Each request a new address: rendered by Next.js every time, as a first view or the first after a save is (decision 062).
    "plans-rendered": { key: "plans-rendered", label: "/plans, rendered each time (a new address per request)", path: "/plans?probe=", unique: true },
    "plans-search": { key: "plans-search", label: `/plans q=${SEARCH.q} + status + required, sort revision desc, page 40 ${pages}`, path: `/plans?${search}` },
    plan: { key: "plan", label: `/plans/${f.planId}`, path: `/plans/${f.planId}` },
    overview: { key: "overview", label: "/ (overview)", path: "/" },
    "overview-rendered": { key: "overview-rendered", label: "/ (overview), rendered each time (a new address per request)", path: "/?probe=", unique: true },
    schedule: { key: "schedule", label: "/schedule", path: "/schedule" },
    "schedule-filtered": { key: "schedule-filtered", label: "/schedule period 2024–2027 + type temaplan", path: "/schedule?period=2024&type=temaplan" },
    period: { key: "period", label: `/periods/${f.periodId} (300 decisions)`, path: `/periods/${f.periodId}` },
    sdg: { key: "sdg", label: "/sdg", path: "/sdg" },
    "sdg-goal": { key: "sdg-goal", label: `/sdg/${f.goal}`, path: `/sdg/${f.goal}` },
    calendar: { key: "calendar", label: "/api/calendar/<token>", path: `/api/calendar/${f.calendarToken}`, expectType: /text\/calendar/, expectBody: /^BEGIN:VCALENDAR/ },
    // Signed out, as citizens read innsyn (cached public answers) and other systems the API.
    innsyn: { key: "innsyn", label: "/innsyn (signed out)", path: "/innsyn", anonymous: true },
    "innsyn-plan": { key: "innsyn-plan", label: `/innsyn/plans/${f.planId} (signed out)`, path: `/innsyn/plans/${f.planId}`, anonymous: true },
    "innsyn-schedule": { key: "innsyn-schedule", label: "/innsyn/schedule (signed out)", path: "/innsyn/schedule", anonymous: true },
    "api-plans": { key: "api-plans", label: "/api/v1/plans?limit=50 (no token)", path: "/api/v1/plans?limit=50", expectType: /json/, anonymous: true },
  };
}

async function staticChunk(url: string): Promise<string> {
  const html = await (await fetch(`${url}/login`)).text();
  const chunk = /\/_next\/static\/chunks\/[^"'\s]+\.js/.exec(html)?.[0];
  if (!chunk) throw new Error("no /_next/static/chunks/*.js script in the HTML of /login");
  return chunk;
}

/** Peak memory of the Next.js server while 4 requests at a time load `row` (8 requests). */
async function peakMemory(server: AppServer, row: Row, cookie: string) {
  const pid = server.nextPid();
  if (!pid) throw new Error("cannot find the Next.js server process below scripts/run.ts");
  const before = memoryOf(pid).rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, memoryOf(pid).rss)), 25);
  const result = await drive(server.url, row, cookie, { connections: 4, seconds: 0, amount: 8, timeout: 120 });
  clearInterval(timer);
  return { row, pid, before, peak: Math.max(peak, memoryOf(pid).rss), hwm: memoryOf(pid).hwm, p50: result.p50, errors: result.errors };
}

type ListQuery = { runs: number; total: number; sql: string[]; raw: Stats; layer: Stats };

function listQuery(databaseUrl: string, tenant: number): Promise<ListQuery> {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "bench/http/list-query.ts"], { cwd: projectRoot, env: { ...process.env, DATABASE_URL: databaseUrl, BENCH_TENANT_ID: String(tenant) }, stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) => child.once("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").pop()!)) : reject(new Error(`list-query exited with ${code}`)))));
}

const kb = (b: number) => `${(b / 1024).toFixed(1)} KiB`;
// Bytes too: a budget of "does not grow" is checked to the byte, not to the rounded KiB.
const firstLoadTable = (loads: FirstLoad[]) => ["| page | scripts | compressed body | bytes | transfer incl. headers | decoded |", "| --- | ---: | ---: | ---: | ---: | ---: |",
  ...loads.map((l) => `| ${l.path} | ${l.scripts} | ${kb(l.bodyBytes)} | ${l.bodyBytes} | ${kb(l.wireBytes)} | ${kb(l.decodedBytes)} |`)].join("\n");

// The servers' Node.js: the bench's own, or Node 24 LTS (scripts/node24.sh fetches it once).
const node = args.runtime === "24" ? path.join(execFileSync(path.join(projectRoot, "scripts/node24.sh"), { encoding: "utf8" }).trim(), "node") : process.execPath;
const nodeVersion = execFileSync(node, ["--version"], { encoding: "utf8" }).trim();
console.log(`Servers run on Node ${nodeVersion} (${node === process.execPath ? "the bench's own" : "Node 24 LTS, scripts/node24.sh"}).`);
await buildIfStale();
if (args.anchor) await buildAnchor(node);
console.log(`Creating the bench database (${args.embedded ? "embedded" : "PostgreSQL"}, ${args.plans} synthetic plans)…`);
const db = await openBenchDatabase(args);
console.log(`${db.where}: ${JSON.stringify(db.report)} (prepared and seeded in ${(db.seedMs / 1000).toFixed(1)} s)`);
let server: AppServer | undefined;
let anchor: Anchor | undefined;
let cleaning: Promise<void> | undefined;
const cleanup = () => (cleaning ??= (async () => { await server?.stop(); await anchor?.stop(); await db.close(); })());
process.on("SIGINT", () => void cleanup().finally(() => process.exit(130)));

try {
  const fixtures = await readFixtures(db.url, viewer.email, db.tenant);
  // The load comes from one address: the API's per-address limit would turn the api-plans row into 429s.
  const extraEnv: Record<string, string> = { API_RATE_LIMIT: "100000000", ...(args.embedded ? { DATABASE_POOL_MAX: "8" } : {}) };
  if (args.cpuProf) {
    extraEnv.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ""} --import ${pathToFileURL(path.join(projectRoot, "bench/http/cpu-profile.mjs")).href}`.trim();
    extraEnv.BENCH_CPU_PROF_DIR = path.resolve(args.cpuProf);
  }
  server = await startApp({ databaseUrl: db.url, secret: randomBytes(32).toString("base64url"), extraEnv, node });
  if (args.anchor) {
    anchor = await startAnchor(node, db.url, db.tenant);
    console.log(`Anchor at ${anchor.url} (pid ${anchor.pid})`);
  }
  console.log(`App at ${server.url} (scripts/run.ts pid ${server.pid}, Next.js server pid ${server.nextPid()})`);
  const browser = await signInAndMeasure(server.url, viewer.email, viewer.password, ["/", "/plans"]);
  const rows = rowsFor(fixtures, await staticChunk(server.url));
  const results: RowResult[] = [];
  const loadBefore = os.loadavg()[0]!;
  const nextPid = server.nextPid();
  if (!nextPid) throw new Error("cannot find the Next.js server process below scripts/run.ts");
  // Memory first, on the freshly started server: what 4 concurrent requests of the heaviest page
  // (the SDG matrix in every run so far) cost, not what the 16-connection rows left on the heap.
  let memory: Awaited<ReturnType<typeof peakMemory>> | null = null;
  if (!args.skipRss) {
    await warmUp(server.url, rows.sdg, browser.cookie);
    memory = await peakMemory(server, rows.sdg, browser.cookie);
  }
  // The anchor's rows right after the static file, then the project's: one table, one run.
  const plan: { row: Row; url: string; pid: number }[] = args.rows.map((key) => ({ row: rows[key], url: server!.url, pid: nextPid }));
  if (anchor) plan.splice(plan[0]?.row.key === "static" ? 1 : 0, 0, ...Object.values(anchorRows).map((row) => ({ row, url: anchor!.url, pid: anchor!.pid })));
  for (const { row, url, pid } of plan) {
    const settled = await waitIdle(pid);
    if (settled > 2500) console.log(`  (waited ${(settled / 1000).toFixed(1)} s for the server to finish abandoned requests)`);
    const warm = await warmUp(url, row, browser.cookie);
    let result = await drive(url, row, browser.cookie, { connections: args.connections, seconds: args.seconds });
    if (result.responses < args.connections) {
      // Each response took longer than the window: measure one request per connection to the end instead of reporting nothing.
      console.log(`  ${row.label}: only ${result.responses} responses in ${args.seconds} s; measuring ${args.connections} concurrent requests until answered…`);
      await waitIdle(pid);
      result = await drive(url, row, browser.cookie, { connections: args.connections, seconds: 0, amount: args.connections, timeout: 120 });
    }
    if (args.singleSeconds > 0) {
      await waitIdle(pid);
      result.single = (await drive(url, row, browser.cookie, { connections: 1, seconds: args.singleSeconds })).p50;
    }
    results.push(result);
    console.log(`  ${row.label}: warm-up ${warm.toFixed(0)} ms, ${result.responses} responses in ${result.seconds.toFixed(1)} s, ${result.rps.toFixed(1)} req/s, ${result.errors} errors${result.single === undefined ? "" : `, p50 at 1 connection ${result.single.toFixed(1)} ms`}`);
  }
  const loadAfter = os.loadavg()[0]!;
  const hwmAfterRows = memory ? memoryOf(memory.pid).hwm : 0;
  await server.stop();
  await anchor?.stop();
  // With several municipalities the raw pool (the owner) would read them all: timed for one only.
  const list = db.tenants === 1 ? (console.log("Timing the register's list query (raw SQL vs data layer)…"), await listQuery(db.url, db.tenant)) : null;

  console.log(`\n## HTTP bench, ${new Date().toString()}\n`);
  console.log(`Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, servers on Node ${nodeVersion} (bench client on ${process.version}), ${os.platform()} ${os.release()}; ` +
    `1-min load average ${loadBefore.toFixed(1)} before the rows, ${loadAfter.toFixed(1)} after (the bench's own client and the server count too).`);
  console.log(db.tenants > 1
    ? `Database: ${db.where}; ${db.tenants} municipalities in one database, ${Math.ceil(args.plans / db.tenants)} synthetic plans each; measured: the demo municipality (Host: localhost, + the Røros example), signed in as its demo viewer.`
    : `Database: ${db.where}; ${args.plans} synthetic plans + the Røros example; signed in as the demo viewer.`);
  console.log(`Load: autocannon, ${args.connections} connections, ${args.seconds} s per row, 30 s timeout, Accept-Encoding gzip/deflate/br; bytes/resp as received (headers + compressed body).\n`);
  console.log(resultTable(results, (key) => { const a = anchorFor(key); return a ? anchorRows[a].key : null; }));
  if (anchor) console.log(`\n× anchor: req/s divided by the anchor's row in this run (bench/anchor: route handlers against its bare route handler, pages against its register page); p50 @1 conn: a separate ${args.singleSeconds} s pass at one connection.`);
  console.log(`\nFirst-load JavaScript (Chromium, cache disabled, type Script):\n\n${firstLoadTable(browser.firstLoad)}`);
  if (memory) {
    console.log(`\nServer memory (Next.js server pid ${memory.pid}) under 4 concurrent requests to ${memory.row.label} (8 requests, p50 ${memory.p50.toFixed(0)} ms, ${memory.errors} errors): ` +
      `RSS ${memory.before.toFixed(0)} MiB before, peak ${memory.peak.toFixed(0)} MiB (sampled every 25 ms; measured first, on the fresh server); VmHWM after the 16-connection rows ${hwmAfterRows.toFixed(0)} MiB.`);
  }
  if (list) {
    const f = (s: Stats) => `mean ${s.mean.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms`;
    console.log(`\nRegister list query, default /plans view (${list.total} plans not archived, ${list.sql.length} queries one after the other: the page query and its counts, and the filter choices the app caches), ${list.runs} sequential runs each:\n` +
      `  (a) Prisma's captured SQL through pg directly: ${f(list.raw)}\n  (b) listPlansPage through a PrismaClient:     ${f(list.layer)}\n` +
      `  b/a: ${(list.layer.mean / list.raw.mean).toFixed(2)}× (mean), ${(list.layer.p95 / list.raw.p95).toFixed(2)}× (p95)`);
  } else console.log("\nRegister list query: timed only with one municipality in the database (run without --tenants).");
} catch (error) {
  if (server) console.error(`\nServer output (last lines):\n${server.log().split("\n").slice(-30).join("\n")}`);
  throw error;
} finally {
  await cleanup();
}
process.exit(0);
