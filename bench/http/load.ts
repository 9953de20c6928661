// One row of the bench: a warm-up request that must succeed, then autocannon for a fixed time.
// Latency percentiles come from every response's own time (autocannon's summary has no p95).
import autocannon from "autocannon";
import { stats } from "./stats";

/** `anonymous`: sent without the session cookie, as a citizen or another system would. */
/** `unique`: each request appends a number of its own to `path`, so no cache can answer it. */
export type Row = { key: string; label: string; path: string; expectType?: RegExp; expectBody?: RegExp; anonymous?: boolean; unique?: boolean };
/** `burst`: the row gave fewer responses than connections in the window, so it was measured as one request per connection, all at once. */
/** `single`: the p50 of a separate pass at one connection (the latency a single user feels), when measured. */
export type RowResult = { row: Row; mode: "window" | "burst"; seconds: number; responses: number; rps: number; p50: number; p95: number; p99: number; bytes: number; errors: number; timeouts: number; single?: number };

// As a browser sends them: the server compresses as it would for real visitors.
const headers = (cookie: string, row: Row) => ({ ...(row.anonymous ? {} : { cookie }), "accept-encoding": "gzip, deflate, br" });

/** Fails loudly unless `row` answers 200 with the expected content (not the /login redirect). */
export async function warmUp(url: string, row: Row, cookie: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${url}${row.path}`, { headers: headers(cookie, row), redirect: "manual", signal: AbortSignal.timeout(120_000) });
  const body = await response.text();
  const type = response.headers.get("content-type") ?? "";
  if (response.status !== 200) {
    throw new Error(`warm-up of ${row.label} answered ${response.status}${response.headers.get("location") ? ` → ${response.headers.get("location")}` : ""}`);
  }
  if (!(row.expectType ?? /text\/html/).test(type) || (/text\/html/.test(type) && /name="password"/.test(body))) {
    throw new Error(`warm-up of ${row.label} did not return the page (content-type ${type}; the sign-in form?)`);
  }
  // The body as a client decodes it (fetch undoes Content-Encoding): garbage here means a broken answer.
  if (row.expectBody && !row.expectBody.test(body)) throw new Error(`warm-up of ${row.label} returned a body that is not what it should be: ${JSON.stringify(body.slice(0, 40))}`);
  return performance.now() - started;
}

/** Drives `row` with `connections` connections for `seconds`; slow responses time out after `timeout` s and count as errors. */
export async function drive(url: string, row: Row, cookie: string, options: { connections: number; seconds: number; timeout?: number; amount?: number }): Promise<RowResult> {
  const times: number[] = [];
  let bytes = 0;
  // Unique across passes too (the one-connection pass must not find the first pass's pages kept).
  const run = Math.random().toString(36).slice(2, 8);
  let sent = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${url}${row.path}`,
        connections: options.connections,
        ...(options.amount ? { amount: options.amount } : { duration: options.seconds }),
        timeout: options.timeout ?? 30,
        headers: headers(cookie, row),
        ...(row.unique ? { requests: [{ setupRequest: (request: autocannon.Request) => ({ ...request, path: `${row.path}${run}-${++sent}` }) }] } : {}),
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    instance.on("response", (_client, _status, resBytes, responseTime) => {
      times.push(responseTime);
      bytes += resBytes;
    });
  });
  const s = stats(times);
  return {
    row, mode: options.amount ? "burst" : "window", seconds: result.duration, responses: times.length, rps: times.length / result.duration,
    p50: s.p50, p95: s.p95, p99: s.p99, bytes: times.length ? bytes / times.length : 0,
    // autocannon's `errors` already includes its `timeouts`.
    errors: result.non2xx + result.errors, timeouts: result.timeouts,
  };
}

const ms = (x: number) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x.toFixed(1)) : "–");

/**
 * The results as one Markdown table; req/s also as a percentage of the static row's and as a
 * multiple of the anchor row `anchorOf(key)` names (bench/http/anchor.ts), p50 at one connection
 * and its multiple of the anchor's where that pass ran.
 */
export function resultTable(results: RowResult[], anchorOf: (key: string) => string | null = () => null): string {
  const base = results.find((r) => r.row.key === "static")?.rps;
  const byKey = new Map(results.map((r) => [r.row.key, r]));
  const lines = [
    "| row | req/s | p50 ms | p95 ms | p99 ms | bytes/resp | errors | % of static | × anchor | p50 ms @1 conn | p50 @1 × anchor |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const r of results) {
    const ratio = base ? `${((100 * r.rps) / base).toFixed(r.rps / base < 0.01 ? 2 : 1)} %` : "–";
    const errors = r.timeouts ? `${r.errors} (${r.timeouts} timeouts)` : String(r.errors);
    const key = anchorOf(r.row.key);
    const anchor = key ? byKey.get(key) : undefined;
    const times = anchor ? `${(r.rps / anchor.rps).toFixed(2)} ×` : "–";
    const single = r.single === undefined ? "–" : ms(r.single);
    const singleTimes = anchor?.single !== undefined && r.single !== undefined ? `${(r.single / anchor.single).toFixed(2)} ×` : "–";
    lines.push(`| ${r.row.label}${r.mode === "burst" ? " †" : ""} | ${r.rps.toFixed(1)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${Math.round(r.bytes)} | ${errors} | ${ratio} | ${times} | ${single} | ${singleTimes} |`);
  }
  const burst = results.find((r) => r.mode === "burst");
  if (burst) {
    lines.push("", `† Fewer responses than connections within the time window (every response took longer than the window under this load): ` +
      `measured instead as ${burst.responses + burst.errors} concurrent requests, one per connection, until all were answered (timeout 120 s); req/s = requests / elapsed time.`);
  }
  return lines.join("\n");
}
