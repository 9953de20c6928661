// npm start / npm run dev: the database (DATABASE_URL, or the embedded one), migrations and
// data, then Next.js. Ctrl-C stops Next.js first and then the database, so nothing is lost.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { runCli } from "./cli";
import { buildIsStale } from "./build-state";
import { urlFromPgConfig } from "./db/connection";
import { defaultDataDir, portIsFree } from "./db/embedded";
import { prepareDatabase } from "./db/prepare";
import { projectRoot } from "./db/schema-engine";
import { openTarget, UserFacingError, type DbTarget } from "./db/target";
import { demoUsers } from "../prisma/seed/demo";
import { COUNTY_OFFICE, countyDemoUser, exampleMunicipalities } from "../prisma/seed/county";
import { demoOperator, PLATFORM_HOST } from "../prisma/seed/platform";

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

function runNext(args: string[], extraEnv: Record<string, string | undefined> = {}): ChildProcess {
  return spawn(process.execPath, [nextBin, ...args], { cwd: projectRoot, stdio: "inherit", env: { ...env, ...extraEnv } });
}

/**
 * The server's V8 heap limit in MiB (decision 061): SERVER_MAX_OLD_SPACE_MB, default 448; "0"
 * leaves Node's own (a quarter of the machine's memory, which lets the heap grow lazily to ~1 GiB
 * under load). 448 keeps the process under 600 MiB after the bench's load and still exports all
 * of 10,000 plans as xlsx.
 */
function heapLimitArgs(): string[] {
  const raw = process.env.SERVER_MAX_OLD_SPACE_MB ?? "448";
  const mb = Number(raw);
  if (!Number.isInteger(mb) || mb < 0) throw new UserFacingError(`SERVER_MAX_OLD_SPACE_MB=${raw} is not a whole number of MiB.`);
  return mb === 0 ? [] : [`--max-old-space-size=${mb}`];
}

// Next.js behind the HTTP edge (scripts/server.ts): the client address comes from the socket.
function runServer(mode: "dev" | "start", extraEnv: Record<string, string | undefined>): ChildProcess {
  const args = [...(mode === "start" ? heapLimitArgs() : []), "--import", "tsx", path.join(projectRoot, "scripts/server.ts"), ...(mode === "dev" ? ["--dev"] : [])];
  const nodeEnv = mode === "dev" ? "development" : "production";
  return spawn(process.execPath, args, { cwd: projectRoot, stdio: "inherit", env: { ...env, NODE_ENV: nodeEnv, ...extraEnv } });
}

// The mail worker (scripts/worker.ts) beside the server, unless MAIL_WORKER=0 (a deployment that
// runs `npm run worker` apart). --conditions=react-server: the shared lib/ modules are server-only.
function runWorker(extraEnv: Record<string, string | undefined>): ChildProcess {
  const args = ["--conditions=react-server", "--import", "tsx", path.join(projectRoot, "scripts/worker.ts")];
  return spawn(process.execPath, args, { cwd: projectRoot, stdio: "inherit", env: { ...env, NODE_ENV: "production", ...extraEnv } });
}

function exited(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function waitUntilServing(url: string, child: ChildProcess): Promise<boolean> {
  for (let i = 0; i < 600 && child.exitCode === null; i++) {
    try {
      await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(2000) });
      return true;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return false;
}

// Sessions are signed with NEXTAUTH_SECRET. The embedded demo keeps a generated one beside its
// data so sessions survive restarts; a real deployment must set its own (shared by all instances).
function authSecret(embedded: boolean): string {
  const fromEnv = process.env.NEXTAUTH_SECRET;
  if (fromEnv) {
    if (fromEnv.length < 32) throw new UserFacingError("NEXTAUTH_SECRET is shorter than 32 characters: generate one with openssl rand -base64 32.");
    return fromEnv;
  }
  if (!embedded) throw new UserFacingError("NEXTAUTH_SECRET is not set: generate one with openssl rand -base64 32 and set it (the same on every app instance).");
  const file = path.join(path.dirname(defaultDataDir()), "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

function banner(url: string, target: DbTarget, demo: boolean) {
  const lines = [``, `Planregister is running at ${url}`];
  lines.push(target.embedded ? `Database: embedded PostgreSQL (PGlite) at ${urlFromPgConfig(target.config)}, data in .data/` : `Database: ${target.config.host}:${target.config.port}/${target.config.database}`);
  if (demo) {
    lines.push(``, `Demo sign-in accounts — DEMO ONLY, the passwords are public; never use them on a real server:`);
    for (const u of demoUsers) lines.push(`  ${u.role.padEnd(14)} ${u.email.padEnd(36)} ${u.password}`);
    const port = new URL(url).port || "80";
    lines.push(`  ${demoOperator.role.padEnd(14)} ${demoOperator.email.padEnd(36)} ${demoOperator.password}  (on http://${PLATFORM_HOST}:${port}/)`);
    // The county view answers on the office's own host name (*.localhost resolves to this machine).
    lines.push(`  ${countyDemoUser.role.padEnd(14)} ${countyDemoUser.email.padEnd(36)} ${countyDemoUser.password}  (on http://${COUNTY_OFFICE.hosts[0]}:${port}/county)`);
    lines.push(``, `Other example municipalities (innsyn): ${exampleMunicipalities.map((m) => `http://${m.hosts[0]}:${port}/innsyn`).join("  ")}`);
  }
  lines.push(``, `Press Ctrl-C to stop.`, ``);
  console.log(lines.join("\n"));
}

// Output piped into a program that Ctrl-C also ends (e.g. `npm start | tee log`) must not
// abort the shutdown that saves the database.
for (const stream of [process.stdout, process.stderr]) stream.on("error", () => {});

runCli(async () => {
  const mode = process.argv[2] === "dev" ? "dev" : "start";
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new UserFacingError(`PORT=${process.env.PORT} is not a valid port number.`);
  if (!(await portIsFree(port, "0.0.0.0"))) {
    throw new UserFacingError(`Port ${port} is already in use: stop the program that uses it, or choose another port with PORT=3001 npm ${mode === "dev" ? "run dev" : "start"}.`);
  }
  // Checked before the build: a missing secret is a one-line fix, not worth a build's wait.
  const secret = authSecret(!process.env.DATABASE_URL);
  if (mode === "start" && (process.argv.includes("--build") || buildIsStale(projectRoot))) {
    console.log("Building the app (next build)…");
    if ((await exited(runNext(["build"]))) !== 0) throw new UserFacingError("The build failed; see the messages above.");
  }

  const target = await openTarget({ port: process.env.PLANREGISTER_DB_PORT ? Number(process.env.PLANREGISTER_DB_PORT) : undefined });
  let child: ChildProcess | undefined;
  let worker: ChildProcess | undefined;
  let stopping: Promise<never> | undefined;
  // Stops Next.js and the mail worker, then the database; every caller waits for the same shutdown.
  const stop = (code: number): Promise<never> =>
    (stopping ??= (async () => {
      console.log("\nStopping…");
      for (const c of [child, worker]) if (c && c.exitCode === null && c.signalCode === null) c.kill("SIGTERM");
      for (const c of [child, worker]) if (c) await exited(c);
      await target.close();
      console.log(target.embedded ? "Stopped; the embedded database is saved in .data/." : "Stopped.");
      process.exit(code);
    })());
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  try {
    const demo = target.embedded || process.argv.includes("--demo");
    for (const line of await prepareDatabase(target, { demo })) console.log(line);
    const appEnv = {
      PORT: String(port),
      DATABASE_URL: urlFromPgConfig(target.config),
      DATABASE_POOL_MAX: target.embedded ? "8" : process.env.DATABASE_POOL_MAX,
      // One session for every client on the embedded database: the app role per transaction (decision 045).
      DATABASE_APP_ROLE: target.embedded ? "set-local" : process.env.DATABASE_APP_ROLE,
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    };
    child = runServer(mode, appEnv);
    if (process.env.MAIL_WORKER !== "0") {
      worker = runWorker(appEnv);
      // A worker that dies is a fault like a server that dies: stop, and let the supervisor restart.
      const w = worker;
      void exited(w).then((code) => {
        if (stopping || w.signalCode === "SIGINT" || w.signalCode === "SIGTERM") return;
        console.error(`The mail worker stopped (exit code ${code}).`);
        void stop(code || 1);
      });
    }
    const url = `http://localhost:${port}`;
    if (await waitUntilServing(url, child)) banner(url, target, demo);
    const code = await exited(child);
    // Ctrl-C reaches Next.js too (same process group); its exit is then no failure.
    const interrupted = child.signalCode === "SIGINT" || child.signalCode === "SIGTERM";
    if (!stopping && !interrupted && code !== 0) console.error(`Next.js stopped (exit code ${code}).`);
    await stop(stopping || interrupted ? 0 : code);
  } catch (error) {
    await target.close();
    throw error;
  }
});
