// The edge's page cache for innsyn (lib/http/page-cache.ts) on a real HTTP server, with a render
// that answers as Next.js does (headers set one by one, the HTML written in chunks, a fresh nonce
// each time). Its freshness rests on the register's version in PostgreSQL: tested here too.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createHash, randomUUID } from "node:crypto";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../lib/db";
import { registerVersion } from "../lib/register-cache";
import { RequestCookies } from "next/dist/compiled/@edge-runtime/cookies";
import { chooseEncoding, freshReadsByKey, freshVersionReader, inlineScriptHashes, PAGE_CACHE_HEADER, PageCache, pageCacheKey, publicPageServer, type CachedPage } from "../lib/http/page-cache";
import { isNormalisedPath } from "../lib/http/edge";
import { parseRequestCookies, requestLocale } from "../lib/http/request-cookies";
import { isLocale, localeCookie } from "../lib/i18n/config";

type RenderMode = { status: number; setCookie: boolean; delayMs: number; hang: boolean };
let mode: RenderMode;
let renders = 0;
let version = "1:2026-11-26";
let versionFails = false;

// Like Next.js: a nonce per render on its scripts, the data differs by render count.
async function render(req: http.IncomingMessage, res: http.ServerResponse) {
  renders++;
  const n = renders;
  if (mode.hang) return new Promise<void>((resolve) => res.once("close", () => resolve()));
  const nonce = Buffer.from(randomUUID()).toString("base64");
  res.statusCode = mode.status;
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.setHeader("Cache-Control", "private, no-cache, no-store, max-age=0, must-revalidate");
  res.setHeader("Vary", "rsc, next-router-state-tree");
  res.setHeader("Content-Security-Policy", `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
  if (mode.setCookie) res.setHeader("Set-Cookie", "a=b");
  res.write(`<!DOCTYPE html><html><head><script src="/_next/static/chunks/a.js" async nonce="${nonce}"></script></head>`);
  await new Promise((resolve) => setTimeout(resolve, mode.delayMs));
  res.write(`<body><h1>Render ${n} of ${req.url} (${req.headers["accept-encoding"] ?? "no encoding asked"})</h1>`);
  res.end(`<script nonce="${nonce}">self.__next_f.push([1,"render ${n}"])</script><script nonce="${nonce}">document.body.dataset.ok = "ja"</script></body></html>`);
}

let server: http.Server;
let base: string;
beforeAll(async () => {
  const serve = publicPageServer(async () => {
    if (versionFails) throw new Error("database down");
    return version;
  }, render, new PageCache(50, 10 * 1024 * 1024));
  server = http.createServer(async (req, res) => {
    const key = pageCacheKey(req.method ?? "GET", req.url ?? "/", req.headers, "nb");
    if (key && (await serve(req, res, key))) return;
    await render(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const fresh = (over: Partial<RenderMode> = {}) => (mode = { status: 200, setCookie: false, delayMs: 0, hang: false, ...over });
const get = (path: string, headers: Record<string, string> = {}, method = "GET") => fetch(`${base}${path}`, { method, headers });
let paths = 0;
const newPath = () => `/innsyn/plans/${++paths}`;

describe("which requests the cache answers", () => {
  it("innsyn's pages by GET or HEAD, per language; not files, client navigations, actions or other paths", () => {
    expect(pageCacheKey("GET", "/innsyn", {}, "nb")).toBe("nb\n/innsyn");
    expect(pageCacheKey("HEAD", "/innsyn/plans/3?x=1", {}, "en")).toBe("en\n/innsyn/plans/3?x=1");
    expect(pageCacheKey("GET", "/innsyn?q=a", {}, "nb")).not.toBe(pageCacheKey("GET", "/innsyn?q=a", {}, "en"));
    expect(pageCacheKey("POST", "/innsyn", {}, "nb")).toBeNull();
    expect(pageCacheKey("GET", "/innsyn/plans.csv", {}, "nb")).toBeNull();
    expect(pageCacheKey("GET", "/innsyn/plans.json?x=1", {}, "nb")).toBeNull();
    expect(pageCacheKey("GET", "/innsynx", {}, "nb")).toBeNull();
    expect(pageCacheKey("GET", "/plans", {}, "nb")).toBeNull();
    expect(pageCacheKey("GET", "/innsyn", { rsc: "1" }, "nb")).toBeNull();
    expect(pageCacheKey("GET", "/innsyn", { "next-router-prefetch": "1" }, "nb")).toBeNull();
    expect(pageCacheKey("GET", "/innsyn", { "next-action": "abc" }, "nb")).toBeNull();
    expect(pageCacheKey("GET", `/innsyn?q=${"x".repeat(3000)}`, {}, "nb")).toBeNull();
  });

  it("negotiates brotli, gzip or none from Accept-Encoding, honouring q=0", () => {
    expect(chooseEncoding("gzip, deflate, br")).toBe("br");
    expect(chooseEncoding("gzip")).toBe("gzip");
    expect(chooseEncoding("br;q=0, gzip;q=0.5")).toBe("gzip");
    expect(chooseEncoding("*")).toBe("br");
    expect(chooseEncoding("identity")).toBeNull();
    expect(chooseEncoding(undefined)).toBeNull();
    expect(chooseEncoding("gzip;q=0")).toBeNull();
  });
});

describe("requests whose answer is not everyone's (issue 22)", () => {
  it("a path that Next.js resolves to another is not a key: the key is the path that is rendered", () => {
    for (const url of ["/innsyn/../admin/users?x=1", "/innsyn/%2e%2e/account", "/innsyn/.%2e/admin/settings", "/innsyn/plans/../../admin/mail", "/innsyn/%2E%2e/x", "/innsyn/./plans", "/innsyn/plans/%2e", "/innsyn\\..\\admin"]) {
      expect(isNormalisedPath(url), url).toBe(false);
      expect(pageCacheKey("GET", url, {}, "nb"), url).toBeNull();
    }
    for (const url of ["/innsyn", "/innsyn/plans/3?q=..%2F..", "/innsyn/plans/a.b", "/innsyn?q=/../admin", "*"]) expect(isNormalisedPath(url), url).toBe(true);
  });

  it("a request with a session cookie, of any prefix or chunk, is never answered from the cache nor kept", () => {
    for (const name of ["__Host-planregister.session", "planregister.session", "__Secure-planregister.session", "next-auth.session-token", "__Secure-next-auth.session-token", "__Host-next-auth.session-token.0"]) {
      expect(pageCacheKey("GET", "/innsyn", { cookie: `NEXT_LOCALE=nb; ${name}=abc` }, "nb"), name).toBeNull();
    }
    expect(pageCacheKey("GET", "/innsyn", { cookie: "NEXT_LOCALE=en; other=1" }, "en")).toBe("en\n/innsyn");
  });

  // Next.js's own parser (what cookies() and next-intl read), compared with the edge's reading.
  const nextReads = (header: string) => new RequestCookies(new Headers({ cookie: header })).get(localeCookie)?.value;
  const headers = ["NEXT_LOCALE=nb; NEXT_LOCALE=en", "NEXT_LOCALE=en; NEXT_LOCALE=nb", "NEXT_LOCALE=%65n", "NEXT_LOCALE=%6e%62", "NEXT_LOCALE=en;NEXT_LOCALE=nb",
    "NEXT_LOCALE=en; NEXT_LOCALE=%zz", "next_locale=en", " NEXT_LOCALE=en", "a=1;\tNEXT_LOCALE=en", "NEXT_LOCALE=\"en\"", "NEXT_LOCALE", "NEXT_LOCALE=en ", "a=1;  NEXT_LOCALE=en", "NEXT_LOCALE=en", "NEXT_LOCALE=nb", ""];

  it("reads the language exactly as Next.js does: the last of a name, percent-decoded", () => {
    for (const header of headers) expect(requestLocale(header), header).toBe(isLocale(nextReads(header)) ? nextReads(header) : "nb");
    expect(Object.fromEntries(parseRequestCookies("a=1; b=%65; b=2; c; d=%zz"))).toEqual({ a: "1", b: "2", c: "true" });
  });

  it("does not key a page by a language cookie that parsers may read differently", () => {
    for (const header of headers.slice(0, -4)) expect(pageCacheKey("GET", "/innsyn", { cookie: header }, requestLocale(header)), header).toBeNull();
    expect(pageCacheKey("GET", "/innsyn", { cookie: "NEXT_LOCALE=en" }, "en")).toBe("en\n/innsyn");
    expect(pageCacheKey("GET", "/innsyn", { cookie: "a=1; NEXT_LOCALE=nb" }, "nb")).toBe("nb\n/innsyn");
    expect(pageCacheKey("GET", "/innsyn", {}, "nb")).toBe("nb\n/innsyn");
  });
});

describe("serving", () => {
  it("renders a page once and then serves the same bytes, br, gzip or plain, with a CSP of its inline scripts' hashes", async () => {
    fresh();
    const path = newPath();
    const before = renders;
    const first = await get(path, { "accept-encoding": "br" });
    expect(first.headers.get(PAGE_CACHE_HEADER)).toBe("miss");
    expect(first.headers.get("content-encoding")).toBe("br");
    const html = await first.text();
    // Rendered without compression (the cache compresses once), whatever the reader asked for.
    expect(html).toContain("(no encoding asked)");
    for (const encoding of ["br", "gzip", "identity"]) {
      const again = await get(path, { "accept-encoding": encoding });
      expect(again.headers.get(PAGE_CACHE_HEADER)).toBe("hit");
      expect(again.headers.get("content-encoding")).toBe(encoding === "identity" ? null : encoding);
      expect(await again.text()).toBe(html);
    }
    const raw = await new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve) =>
      http.get(`${base}${path}`, { headers: { "accept-encoding": "gzip" } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c)).on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      }));
    expect(Number(raw.headers["content-length"])).toBe(raw.body.length);
    expect(zlib.gunzipSync(raw.body).toString()).toBe(html);
    expect(renders - before).toBe(1);

    const csp = first.headers.get("content-security-policy")!;
    expect(csp).not.toMatch(/nonce|strict-dynamic/);
    const inline = [...html.matchAll(/<script nonce="[^"]*">([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(inline).toHaveLength(2);
    for (const script of inline) expect(csp).toContain(`'sha256-${createHash("sha256").update(script).digest("base64")}'`);
    expect(csp).toMatch(/script-src 'self' 'sha256-/);
    expect(first.headers.get("cache-control")).toBe("private, no-cache, no-store, max-age=0, must-revalidate");
    expect(first.headers.get("vary")).toBe("rsc, next-router-state-tree, Accept-Encoding");
  });

  it("16 readers at once of a page not yet kept wait for one render", async () => {
    fresh({ delayMs: 200 });
    const path = newPath();
    const before = renders;
    const answers = await Promise.all(Array.from({ length: 16 }, () => get(path, { "accept-encoding": "gzip" })));
    const bodies = await Promise.all(answers.map((a) => a.text()));
    expect(renders - before).toBe(1);
    expect(new Set(bodies).size).toBe(1);
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(answers.filter((a) => a.headers.get(PAGE_CACHE_HEADER) === "miss")).toHaveLength(1);
  });

  it("a new register version renders again; the version is read after each request arrived", async () => {
    fresh();
    const path = newPath();
    await get(path);
    expect((await get(path)).headers.get(PAGE_CACHE_HEADER)).toBe("hit");
    version = "2:2026-11-26";
    const after = await get(path);
    expect(after.headers.get(PAGE_CACHE_HEADER)).toBe("miss");
    expect((await get(path)).headers.get(PAGE_CACHE_HEADER)).toBe("hit");
  });

  it("keeps no error page, no page that sets a cookie, and no HEAD answer it did not render", async () => {
    for (const over of [{ status: 404 }, { status: 503 }, { setCookie: true }]) {
      fresh(over);
      const path = newPath();
      const before = renders;
      const a = await get(path);
      expect(a.status).toBe(over.status ?? 200);
      expect(a.headers.get(PAGE_CACHE_HEADER)).toBe("pass");
      expect((await get(path)).headers.get(PAGE_CACHE_HEADER)).toBe("pass");
      expect(renders - before).toBe(2);
    }
    fresh();
    const path = newPath();
    const head = await get(path, {}, "HEAD");
    expect(head.headers.get(PAGE_CACHE_HEADER)).toBeNull();
    await get(path);
    const cachedHead = await get(path, { "accept-encoding": "br" }, "HEAD");
    expect(cachedHead.headers.get(PAGE_CACHE_HEADER)).toBe("hit");
    expect(await cachedHead.text()).toBe("");
  });

  it("when the version cannot be read, the page is rendered as usual", async () => {
    fresh();
    const path = newPath();
    await get(path);
    versionFails = true;
    try {
      const before = renders;
      const answer = await get(path);
      expect(answer.status).toBe(200);
      expect(answer.headers.get(PAGE_CACHE_HEADER)).toBeNull();
      expect(renders - before).toBe(1);
    } finally {
      versionFails = false;
    }
  });

  it("a reader who leaves during the render does not leave the others waiting for it", async () => {
    fresh({ hang: true });
    const path = newPath();
    const before = renders;
    const leaving = new AbortController();
    const first = fetch(`${base}${path}`, { signal: leaving.signal }).catch(() => null);
    while (renders === before) await new Promise((resolve) => setTimeout(resolve, 10));
    // The second reader waits for the first's render (well within the 10 s it would wait at most).
    const second = fetch(`${base}${path}`, { signal: AbortSignal.timeout(5000) });
    await new Promise((resolve) => setTimeout(resolve, 100));
    mode.hang = false;
    leaving.abort();
    await first;
    const answer = await second;
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain(`Render ${before + 2} of ${path}`);
  });
});

describe("bounds and reads", () => {
  const page = (key: string, bytes: number, v = "1"): CachedPage => ({ key, version: v, headers: [], csp: "", identity: Buffer.alloc(bytes), gzip: Buffer.alloc(0), br: Buffer.alloc(0) });

  it("keeps at most its number of pages and bytes, dropping the least recently used", () => {
    const cache = new PageCache(2, 1000);
    cache.set(page("a", 100));
    cache.set(page("b", 100));
    expect(cache.get("a", "1")).not.toBeNull();
    cache.set(page("c", 100));
    expect(cache.get("b", "1")).toBeNull();
    expect(cache.get("a", "1")).not.toBeNull();
    cache.set(page("d", 900));
    expect(cache.size.entries).toBe(1);
    expect(cache.size.bytes).toBeLessThanOrEqual(1000);
    cache.set(page("huge", 5000));
    expect(cache.get("huge", "1")).toBeNull();
    expect(cache.get("d", "2")).toBeNull();
    expect(cache.size.entries).toBe(0);
  });

  it("hashes only inline scripts with content", () => {
    expect(inlineScriptHashes(`<script src="/a.js"></script><script></script><script id="x">a()</script><script>a()</script>`)).toEqual([`'sha256-${createHash("sha256").update("a()").digest("base64")}'`]);
  });

  it("requests arriving during a version read share the next read, never the one under way", async () => {
    let value = 0;
    let reads = 0;
    const gates: (() => void)[] = [];
    const read = freshVersionReader(async () => {
      reads++;
      const seen = value;
      await new Promise<void>((resolve) => gates.push(resolve));
      return String(seen);
    });
    const first = read();
    value = 1; // a save commits while the first read is under way
    const waiting = [read(), read(), read()];
    gates.shift()!();
    expect(await first).toBe("0");
    await new Promise((resolve) => setTimeout(resolve, 0));
    gates.shift()!();
    expect(await Promise.all(waiting)).toEqual(["1", "1", "1"]);
    expect(reads).toBe(2);
  });

  it("reads by key share only within a key: one session's or feed's requests wait for its next read, another's run at once", async () => {
    const started: string[] = [];
    const gates = new Map<string, (() => void)[]>();
    const read = freshReadsByKey(async (key) => {
      started.push(key);
      await new Promise<void>((resolve) => gates.set(key, [...(gates.get(key) ?? []), resolve]));
      return `${key}${started.filter((k) => k === key).length}`;
    });
    const a1 = read("a");
    const b1 = read("b");
    const aLater = [read("a"), read("a")];
    expect(started).toEqual(["a", "b"]);
    gates.get("a")!.shift()!();
    gates.get("b")!.shift()!();
    expect(await a1).toBe("a1");
    expect(await b1).toBe("b1");
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(started).toEqual(["a", "b", "a"]);
    gates.get("a")!.shift()!();
    expect(await Promise.all(aLater)).toEqual(["a2", "a2"]);
    // Nothing waits any more: a new request reads afresh.
    const again = read("a");
    await new Promise((resolve) => setTimeout(resolve, 0));
    gates.get("a")!.shift()!();
    expect(await again).toBe("a3");
  });
});

describe("the register's version, which the page cache keys on", () => {
  it("moves when the settings change (innsyn on/off, the municipality's name)", async () => {
    const v0 = await registerVersion();
    const settings = await db.appSettings.findFirstOrThrow();
    await db.$executeRaw`UPDATE app_settings SET municipality_name = municipality_name`;
    expect(await registerVersion()).toBeGreaterThan(v0);
    expect((await db.appSettings.findFirstOrThrow()).municipalityName).toBe(settings.municipalityName);
  });
});
