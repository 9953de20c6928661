// The app as `npm start` runs it: scripts/run.ts start (which starts Next.js as its child), on a
// free port and the bench database. Also: the build check, and the server process's memory.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import { createRequire } from "node:module";
import { buildIsStale } from "../../scripts/build-state";
import { projectRoot } from "../../scripts/db/schema-engine";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

function exited(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode ?? 1);
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** Runs `next build` when the build is missing or older than the sources, as scripts/run.ts does. */
export async function buildIfStale(): Promise<void> {
  if (!buildIsStale(projectRoot)) return;
  console.log("Building the app (next build)…");
  const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
  const code = await exited(spawn(process.execPath, [nextBin, "build"], { cwd: projectRoot, stdio: "inherit", env }));
  if (code !== 0) throw new Error("next build failed; see the messages above.");
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "0.0.0.0", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export type AppServer = { url: string; pid: number; nextPid: () => number | null; log: () => string; stop: () => Promise<void> };

/** Starts `scripts/run.ts start` and waits until it answers; its output goes to a buffer (shown on failure). */
export async function startApp(options: { databaseUrl: string; secret: string; extraEnv?: Record<string, string>; node?: string }): Promise<AppServer> {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const child = spawn(options.node ?? process.execPath, ["--import", "tsx", "scripts/run.ts", "start"], {
    cwd: projectRoot,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...env, ...options.extraEnv, PORT: String(port), DATABASE_URL: options.databaseUrl, NEXTAUTH_SECRET: options.secret, NEXTAUTH_URL: url },
  });
  // The start of the output (where a failure to start says why) and its latest part.
  let head = "";
  let output = "";
  const keep = (d: Buffer) => {
    if (head.length < 8000) head = (head + d.toString()).slice(0, 8000);
    output = (output + d.toString()).slice(-12_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const server: AppServer = {
    url,
    pid: child.pid!,
    nextPid: () => nextServerPid(child.pid!),
    log: () => `${head}\n…\n${output}`,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
      await exited(child);
      clearTimeout(timer);
    },
  };
  for (let i = 0; i < 900 && child.exitCode === null; i++) {
    const ok = await fetch(`${url}/login`, { redirect: "manual", signal: AbortSignal.timeout(2000) }).then((r) => r.status === 200, () => false);
    if (ok) return server;
    await new Promise((r) => setTimeout(r, 200));
  }
  await server.stop();
  throw new Error(`The app did not start:\n${server.log()}`);
}

/** Child processes of `pid`, recursively (from /proc). */
export function descendants(pid: number): number[] {
  let children: number[] = [];
  try {
    for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
      children.push(...fs.readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number));
    }
  } catch {
    return [];
  }
  children = [...new Set(children)];
  return children.flatMap((c) => [c, ...descendants(c)]);
}

const cmdline = (pid: number) => {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    return "";
  }
};

/** The Next.js server process below scripts/run.ts ("next-server", or the node process of a custom server). */
export function nextServerPid(rootPid: number): number | null {
  const all = descendants(rootPid);
  return all.find((p) => cmdline(p).startsWith("next-server")) ?? all.find((p) => /node|next/.test(cmdline(p)) && !/esbuild/.test(cmdline(p))) ?? null;
}

/** VmRSS and VmHWM (peak) of a process, in MiB. */
export function memoryOf(pid: number): { rss: number; hwm: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rss: kb("VmRSS") / 1024, hwm: kb("VmHWM") / 1024 };
}

/** CPU time (user + system) of a process, in clock ticks (from /proc/<pid>/stat). */
function cpuTicks(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[11]) + Number(fields[12]);
}

/**
 * Waits until the server has stopped working (< 5 % of a core for two 500 ms samples): Next.js
 * finishes rendering requests whose clients gave up, which would otherwise slow the next row.
 */
export async function waitIdle(pid: number, maxMs = 180_000): Promise<number> {
  const started = Date.now();
  let calm = 0;
  let last = cpuTicks(pid);
  while (calm < 2 && Date.now() - started < maxMs) {
    await new Promise((r) => setTimeout(r, 500));
    const now = cpuTicks(pid);
    calm = now - last <= 2 ? calm + 1 : 0;
    last = now;
  }
  return Date.now() - started;
}
