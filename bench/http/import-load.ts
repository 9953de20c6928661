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

// The server's process (the one listening on the port) and its children: the files are parsed in a
// child process of their own (lib/import/worker-pool.ts), whose memory is the upload's cost.
const port = new URL(baseUrl).port;
const pid = Number(/pid=(\d+)/.exec(execFileSync("ss", ["-ltnpH", `sport = :${port}`]).toString())![1]);
const status = (p: number, field: string) => {
  try {
    return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(fs.readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0) / 1024;
  } catch {
    return 0; // ended between the listing and the read
  }
};
const children = (p: number): number[] => {
  const found: number[] = [];
  for (const task of fs.readdirSync(`/proc/${p}/task`, { withFileTypes: true })) {
    const listed = fs.readFileSync(`/proc/${p}/task/${task.name}/children`, "utf8").trim();
    for (const child of listed ? listed.split(/\s+/).map(Number) : []) found.push(child, ...children(child));
  }
  return found;
};
/** The server's RSS and its children's (MB): the web process, and the parse as it runs. */
const rssMb = () => {
  const kids = (() => { try { return children(pid); } catch { return []; } })();
  return { server: status(pid, "VmRSS"), parse: kids.reduce((sum, k) => sum + status(k, "VmRSS"), 0) };
};

async function upload(file: { name: string; bytes: Buffer }, session: string) {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(file.bytes)]), file.name);
  const started = Date.now();
  const response = await fetch(`${baseUrl}/plans/import/upload`, { method: "POST", body: form, headers: { cookie: session }, redirect: "manual" });
  return { ms: Date.now() - started, status: response.status, to: response.headers.get("location") ?? "" };
}

/**
 * Latencies of the viewer's /plans, one request after another, while `work` runs. Each asks for
 * an address of its own, so it is rendered (not given again from the edge's cache, decision 062).
 */
async function probe(work: () => Promise<unknown>) {
  const latencies: number[] = [];
  const base = rssMb();
  let peak = base.server;
  let parsePeak = 0;
  let done = false;
  let n = 0;
  const sampler = setInterval(() => {
    const now = rssMb();
    peak = Math.max(peak, now.server);
    parsePeak = Math.max(parsePeak, now.parse);
  }, 50);
  const loop = (async () => {
    while (!done) {
      const started = Date.now();
      const response = await fetch(`${baseUrl}/plans?q=&probe=${++n}`, { headers: { cookie: viewer }, signal: AbortSignal.timeout(30_000) }).catch(() => null);
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
  return { result, requests: latencies.length, p50: at(0.5), p95: at(0.95), max: latencies.at(-1), rssBaseMb: Math.round(base.server), rssPeakMb: Math.round(peak), parsePeakMb: Math.round(parsePeak) };
}

console.log("idle", await probe(() => new Promise((r) => setTimeout(r, 5_000))));
for (const file of files) {
  const one = await probe(() => upload(file, editors[0]!));
  const mb = file.bytes.length / 1e6;
  console.log(file.name, `${mb.toFixed(1)} MB, one upload`, one, `server RSS +${((one.rssPeakMb - one.rssBaseMb) / mb).toFixed(0)} MB per MB, parse process ${(one.parsePeakMb / mb).toFixed(0)} MB per MB`);
  console.log(file.name, "three at once", await probe(() => Promise.all(editors.map((e) => upload(file, e)))));
}
process.exit(0);
