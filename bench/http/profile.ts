// npm run bench:profile -- --database <url of a bench database (bench:http --keep)> [--port 3650] [--requests 300] [--connections 8] [--paths /plans,/]
// Per page: the server's CPU time per request (less sensitive to a loaded machine than req/s), the
// transactions and statements per request in PostgreSQL (pg_stat_database; the statement log of
// one request when --statements), and a V8 CPU profile per page, summarised by package (decision 059).
// Starts scripts/server.ts alone (no mail worker) on the current build, once per page.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { signInAndMeasure } from "./browser";
import { drive, warmUp, type Row } from "./load";
import { projectRoot } from "../../scripts/db/schema-engine";
import { demoUsers } from "../../prisma/seed/demo";

const { values } = parseArgs({
  options: {
    database: { type: "string" }, port: { type: "string", default: "3650" }, requests: { type: "string", default: "300" },
    connections: { type: "string", default: "8" }, paths: { type: "string" }, out: { type: "string", default: path.join(os.tmpdir(), "planregister-profile") },
    statements: { type: "boolean", default: false },
  },
});
if (!values.database) throw new Error("--database <url> is required: a database left by npm run bench:http -- --keep");
const databaseUrl = values.database;
const port = Number(values.port);
const url = `http://localhost:${port}`;
const requests = Number(values.requests);
const viewer = demoUsers.find((u) => u.role === "viewer")!;
const secret = randomBytes(32).toString("base64url");
const admin = new pg.Client({ connectionString: databaseUrl });
await admin.connect();
const database = (await admin.query<{ d: string }>("SELECT current_database() AS d")).rows[0]!.d;

function start(profileDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--cpu-prof", "--cpu-prof-dir", profileDir, "--cpu-prof-interval", "500", "--import", "tsx", "scripts/server.ts"], {
    cwd: projectRoot, stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", PORT: String(port), DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: secret, NEXTAUTH_URL: url, API_RATE_LIMIT: "100000000" },
  });
  return (async () => {
    for (let i = 0; i < 600; i++) {
      if (await fetch(`${url}/login`, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false)) return child;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error("the server did not start");
  })();
}
const stop = (child: ChildProcess) => new Promise<void>((resolve) => { child.once("exit", () => resolve()); child.kill("SIGTERM"); });

const ticks = (pid: number) => {
  const f = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const x = f.slice(f.lastIndexOf(")") + 2).split(" ");
  return Number(x[11]) + Number(x[12]);
};
// The server's log (a superuser may read it; Debian's place for PostgreSQL 15).
const LOG = "/var/log/postgresql/postgresql-15-main.log";
const logLength = async () => Number((await admin.query<{ n: string }>("SELECT (pg_stat_file($1)).size AS n", [LOG])).rows[0]!.n);
const logTail = async (from: number) => (await admin.query<{ t: string }>("SELECT pg_read_file($1, $2, $3) AS t", [LOG, from, (await logLength()) - from])).rows[0]!.t;
const transactions = async () => Number((await admin.query<{ n: string }>("SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = $1", [database])).rows[0]!.n);
// pg_stat_database is updated when a backend reports (at most every ~1 s, and at idle).
const settled = async () => { await new Promise((r) => setTimeout(r, 1500)); return transactions(); };

/** Self time by package (or "app" for the project's own code, "(gc)", "(program)", "(idle)"). */
function summarise(file: string): [string, number][] {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as { nodes: { id: number; callFrame: { url: string; functionName: string } }[]; samples: number[]; timeDeltas: number[] };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const { url: u, functionName } = byId.get(id)!.callFrame;
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(u)?.[1]
      ?? (/\.next\/server\/chunks\/.*\[root-of-the-server\]|\.next\/server\/chunks\/ssr/.test(u) ? "next bundle (app + inlined packages)" : u.includes("/.next/") ? "next bundle (app + inlined packages)" : u.startsWith("node:") ? "node:" + u.slice(5).split("/")[0] : u ? "app (tsx)" : functionName || "(native)");
    totals.set(pkg, (totals.get(pkg) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...totals.entries()].sort((a, b) => b[1] - a[1]);
}

const paths = values.paths?.split(",") ?? ["/api/health", "/plans", "/", "/plans/205", "/schedule", "/sdg"];
const cookieServer = await start(path.join(values.out, "signin"));
const { cookie } = await signInAndMeasure(url, viewer.email, viewer.password, []);
await stop(cookieServer);
const rows: string[] = ["| page | CPU ms/request (server) | transactions/request | req/s (this pass) | p50 ms | self time by package (share of busy time) |", "| --- | ---: | ---: | ---: | ---: | --- |"];
for (const p of paths) {
  const dir = path.join(values.out, p.replace(/[^\w]+/g, "_") || "root");
  fs.rmSync(dir, { recursive: true, force: true });
  const server = await start(dir);
  const row: Row = { key: p, label: p, path: p, expectType: p.startsWith("/api/") ? /./ : undefined };
  for (let i = 0; i < 20; i++) await warmUp(url, row, cookie);
  await drive(url, row, cookie, { connections: Number(values.connections), seconds: 0, amount: 100 });
  if (values.statements) {
    await admin.query(`ALTER DATABASE "${database}" SET log_statement = 'all'`);
    await stop(server);
    const logged = await start(dir + "-log");
    await warmUp(url, row, cookie);
    await new Promise((r) => setTimeout(r, 300));
    const before = await logLength();
    await warmUp(url, row, cookie);
    await new Promise((r) => setTimeout(r, 300));
    await admin.query(`ALTER DATABASE "${database}" RESET log_statement`);
    const log = await logTail(before);
    const lines = log.split("\n").filter((l) => l.includes(`@${database} `) && /statement: |execute /.test(l));
    fs.writeFileSync(dir + ".statements.log", lines.join("\n"));
    console.log(`${p}: ${lines.length} statements logged for one request (${dir}.statements.log)`);
    await stop(logged);
    continue;
  }
  const pid = server.pid!;
  const t0 = ticks(pid);
  const x0 = await settled();
  const started = performance.now();
  const result = await drive(url, row, cookie, { connections: Number(values.connections), seconds: 0, amount: requests });
  const seconds = (performance.now() - started) / 1000;
  const cpuMs = ((ticks(pid) - t0) * 10) / requests;
  const x1 = await settled();
  await stop(server);
  const file = fs.readdirSync(dir).find((f) => f.endsWith(".cpuprofile"))!;
  // Shares of the busy time (startup included: a few hundred ms against the load's seconds).
  const summary = summarise(path.join(dir, file)).filter(([k]) => k !== "(idle)");
  const busy = summary.reduce((t, [, ms]) => t + ms, 0);
  const top = summary.slice(0, 8).map(([k, ms]) => `${k} ${((ms / busy) * 100).toFixed(0)} %`).join("; ");
  rows.push(`| ${p} | ${cpuMs.toFixed(2)} | ${((x1 - x0) / requests).toFixed(2)} | ${(requests / seconds).toFixed(1)} | ${result.p50.toFixed(1)} | ${top} |`);
  console.log(rows.at(-1));
}
await admin.end();
console.log(`\n${rows.join("\n")}\n\nMachine: 1-min load average ${os.loadavg()[0]!.toFixed(1)}; server on Node ${process.version}; profiles in ${values.out}.`);
process.exit(0);
