// The anchor (bench/anchor): a bare Next.js app on the project's own node_modules, built and
// started beside the project on the same database, so every run measures the framework's floor.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { projectRoot } from "../../scripts/db/schema-engine";
import { freePort } from "./server";
import type { Row } from "./load";

const dir = path.join(projectRoot, "bench/anchor");
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" };

const newest = (folder: string): number =>
  fs.readdirSync(folder, { withFileTypes: true }).reduce((t, e) => {
    if (e.name === ".next" || e.name === "node_modules") return t;
    const p = path.join(folder, e.name);
    return Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }, 0);

function exited(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => child.once("exit", (code) => resolve(code ?? 1)));
}

/** Builds the anchor when its build is missing or older than its sources. */
export async function buildAnchor(node: string): Promise<void> {
  const built = path.join(dir, ".next/BUILD_ID");
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs > newest(dir)) return;
  console.log("Building the anchor (next build bench/anchor)…");
  const code = await exited(spawn(node, [nextBin, "build", dir], { cwd: projectRoot, stdio: "inherit", env }));
  if (code !== 0) throw new Error("next build of bench/anchor failed; see the messages above.");
}

export type Anchor = { url: string; pid: number; stop: () => Promise<void> };

/** `next start` of the anchor on a free port, on the bench database. */
/** `tenant`: the measured municipality, whose plans the register page reads. */
export async function startAnchor(node: string, databaseUrl: string, tenant = 1): Promise<Anchor> {
  const port = await freePort();
  const child = spawn(node, [nextBin, "start", dir, "-p", String(port), "-H", "127.0.0.1"], { cwd: projectRoot, stdio: ["ignore", "ignore", "inherit"], env: { ...env, DATABASE_URL: databaseUrl, ANCHOR_TENANT_ID: String(tenant) } });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    await exited(child);
  };
  for (let i = 0; i < 300 && child.exitCode === null; i++) {
    if (await fetch(`${url}/route-handler`, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false)) return { url, pid: child.pid!, stop };
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error("the anchor did not start");
}

/** The anchor's three rows; `base` tells the bench which project rows compare with which. */
export const anchorRows = {
  route: { key: "anchor-route", label: "anchor: bare route handler", path: "/route-handler", expectType: /json/, anonymous: true },
  bare: { key: "anchor-bare", label: "anchor: bare dynamic page (cookies(), one heading)", path: "/bare" },
  register: { key: "anchor-register", label: "anchor: the register's query + the same table", path: "/register" },
} satisfies Record<string, Row>;

/** Which anchor row a project row is measured against (route handlers against the bare handler, pages against the register page). */
export function anchorFor(key: string): keyof typeof anchorRows | null {
  if (key === "static" || key.startsWith("anchor-")) return null;
  if (key === "health" || key === "api-plans" || key === "calendar") return "route";
  return "register";
}
