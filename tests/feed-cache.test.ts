// The calendar feed at the edge (lib/http/feed-cache.ts, decision 059) on a real HTTP server, with
// a route handler that answers as Next.js does: built once per register version and compressed
// once, the secret link checked on every request, a token that does not pass left to the handler.
import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { feedServer, feedToken } from "../lib/http/feed-cache";
import { PAGE_CACHE_HEADER } from "../lib/http/page-cache";

const GOOD = "a".repeat(43);
const VIEWER_GONE = "b".repeat(43);
let version = "7";
let renders = 0;
let checks = 0;
let buildMs = 0;
let server: http.Server;
let base: string;

// Like the route handler: the feed for valid tokens, 404 otherwise.
async function render(req: http.IncomingMessage, res: http.ServerResponse) {
  renders++;
  if (!req.url?.endsWith(GOOD)) {
    res.statusCode = 404;
    return void res.end("Not found\n");
  }
  res.setHeader("Content-Type", "text/calendar; charset=utf-8");
  res.setHeader("Cache-Control", "private, no-store");
  res.write("BEGIN:VCALENDAR\r\n");
  if (buildMs) await new Promise((resolve) => setTimeout(resolve, buildMs));
  res.end(`X-VERSION:${version}\r\n${"SUMMARY:Plan\r\n".repeat(2000)}END:VCALENDAR\r\n`);
}

beforeAll(async () => {
  const serve = feedServer(async (hash) => {
    checks++;
    // The token's hash is what is looked up: never the token.
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    return { version, role: hash === (await sha(GOOD)) ? "viewer" : null };
  }, render);
  server = http.createServer(async (req, res) => {
    const token = feedToken(req.method ?? "GET", req.url ?? "/");
    if (token && (await serve(req, res, token))) return;
    await render(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function sha(token: string) {
  const { createHash } = await import("node:crypto");
  return createHash("sha256").update(token).digest("hex");
}

function get(path: string, encoding = "br, gzip"): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    http.get(`${base}${path}`, { headers: { "accept-encoding": encoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const raw = Buffer.concat(chunks);
        const enc = res.headers["content-encoding"];
        const body = enc === "br" ? zlib.brotliDecompressSync(raw) : enc === "gzip" ? zlib.gunzipSync(raw) : raw;
        resolve({ status: res.statusCode!, headers: res.headers, body: body.toString("utf8") });
      });
    }).on("error", reject);
  });
}

describe("the calendar feed at the edge", () => {
  it("is built once per register version and served compressed as br, gzip or plain", async () => {
    renders = 0;
    const first = await get(`/api/calendar/${GOOD}`);
    expect(first).toMatchObject({ status: 200, headers: { "content-encoding": "br", [PAGE_CACHE_HEADER]: "miss" } });
    expect(first.body).toContain("X-VERSION:7");
    const again = await get(`/api/calendar/${GOOD}`, "gzip");
    expect(again).toMatchObject({ status: 200, headers: { "content-encoding": "gzip", [PAGE_CACHE_HEADER]: "hit", "cache-control": "private, no-store" } });
    expect((await get(`/api/calendar/${GOOD}`, "identity")).body).toBe(first.body);
    expect(renders).toBe(1);
    version = "8";
    expect((await get(`/api/calendar/${GOOD}`)).body).toContain("X-VERSION:8");
    expect(renders).toBe(2);
  });

  it("checks the secret link on every request; a token that does not pass gets the handler's 404", async () => {
    const before = checks;
    await get(`/api/calendar/${GOOD}`);
    await get(`/api/calendar/${GOOD}`);
    expect(checks - before).toBe(2);
    renders = 0;
    const refused = await get(`/api/calendar/${VIEWER_GONE}`);
    expect(refused.status).toBe(404);
    expect(refused.headers[PAGE_CACHE_HEADER]).toBeUndefined();
    expect(renders).toBe(1);
  });

  it("is built once while many ask for it at once: the others wait for that build", async () => {
    version = "9";
    renders = 0;
    buildMs = 300;
    try {
      const answers = await Promise.all(Array.from({ length: 12 }, () => get(`/api/calendar/${GOOD}`)));
      expect(answers.map((a) => a.status)).toEqual(Array(12).fill(200));
      expect(answers.every((a) => a.body.includes("X-VERSION:9"))).toBe(true);
      expect(renders).toBe(1);
    } finally {
      buildMs = 0;
    }
  });

  it("answers only GET and HEAD of the exact feed path", () => {
    expect(feedToken("GET", `/api/calendar/${GOOD}`)).toBe(GOOD);
    expect(feedToken("POST", `/api/calendar/${GOOD}`)).toBeNull();
    expect(feedToken("GET", `/api/calendar/${GOOD}?x=1`)).toBeNull();
    expect(feedToken("GET", `/api/calendar/${GOOD}/..`)).toBeNull();
    expect(feedToken("GET", "/api/calendar/short")).toBeNull();
  });
});
