// Issue 22, item 3: another user's latency while three editors upload large workbooks at once,
// and the server's memory per MB of upload. Against a running e2e server (node --import tsx
// e2e/server.ts with E2E_PORT set): tsx bench/http/import-load.ts file.xlsx [file.xlsx …]
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { createE2eUser, SESSION_COOKIE, sessionCookieFor } from "../../e2e/support/db";
import { readE2eState } from "../../e2e/state";

const { baseUrl } = readE2eState();
const files = process.argv.slice(2).map((f) => ({ name: f.split("/").pop()!, bytes: fs.readFileSync(f) }));
const cookie = async (role: "editor" | "viewer") => `${SESSION_COOKIE}=${await sessionCookieFor(await createE2eUser(role))}`;
const viewer = await cookie("viewer");
const editors = await Promise.all([0, 1, 2].map(() => cookie("editor")));

// The server's process: the one listening on the port (its threads share its memory).
const port = new URL(baseUrl).port;
const pid = Number(/pid=(\d+)/.exec(execFileSync("ss", ["-ltnpH", `sport = :${port}`]).toString())![1]);
const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;

async function upload(file: { name: string; bytes: Buffer }, session: string) {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(file.bytes)]), file.name);
  const started = Date.now();
  const response = await fetch(`${baseUrl}/plans/import/upload`, { method: "POST", body: form, headers: { cookie: session }, redirect: "manual" });
  return { ms: Date.now() - started, status: response.status, to: response.headers.get("location") ?? "" };
}

/** Latencies of the viewer's /plans, one request after another, while `work` runs. */
async function probe(work: () => Promise<unknown>) {
  const latencies: number[] = [];
  let peak = rssMb();
  const base = peak;
  let done = false;
  const sampler = setInterval(() => { peak = Math.max(peak, rssMb()); }, 50);
  const loop = (async () => {
    while (!done) {
      const started = Date.now();
      const response = await fetch(`${baseUrl}/plans`, { headers: { cookie: viewer }, signal: AbortSignal.timeout(30_000) }).catch(() => null);
      await response?.arrayBuffer();
      latencies.push(response?.ok ? Date.now() - started : 30_000);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const result = await work();
  done = true;
  await loop;
  clearInterval(sampler);
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { result, requests: latencies.length, p50: at(0.5), p95: at(0.95), max: latencies.at(-1), rssBaseMb: Math.round(base), rssPeakMb: Math.round(peak) };
}

console.log("idle", await probe(() => new Promise((r) => setTimeout(r, 5_000))));
for (const file of files) {
  const one = await probe(() => upload(file, editors[0]!));
  console.log(file.name, `${(file.bytes.length / 1e6).toFixed(1)} MB, one upload`, one, `RSS +${((one.rssPeakMb - one.rssBaseMb) / (file.bytes.length / 1e6)).toFixed(0)} MB per MB`);
  console.log(file.name, "three at once", await probe(() => Promise.all(editors.map((e) => upload(file, e)))));
}
process.exit(0);
