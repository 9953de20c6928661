// Whole-page cache for innsyn in the HTTP edge (scripts/server.ts, decision 038). Citizens' pages
// are the same for every reader of one language, yet Next.js renders each request anew (a fresh
// CSP nonce, the language cookie). Here a rendered page is kept per path + query + language and
// served without Next.js until the register's version in PostgreSQL changes (data_versions, bumped
// by triggers on every table innsyn shows, the settings included) or the date in Oslo does.
// - Fresh across instances: every request reads the version after it arrived (one statement,
//   shared by the requests that wait for the same read), so a save in any instance shows at once.
// - CSP without a nonce: a cached page's inline scripts are allowed by their SHA-256 hashes and
//   its script files by 'self', so the bytes never change and are compressed once (br and gzip).
// - Bounded: at most MAX_ENTRIES pages and MAX_BYTES bytes; the least recently used go first.
// Free of Next.js and Prisma: the edge runs before either.
import { createHash } from "node:crypto";
import type http from "node:http";
import zlib from "node:zlib";
import { contentSecurityPolicyWithHashes } from "../security-headers";
import { isNormalisedPath } from "./edge";
import { ambiguousLocaleCookie, carriesSessionCookie } from "./request-cookies";

export const PAGE_CACHE_HEADER = "x-planregister-page-cache";
const MAX_ENTRIES = 500;
const MAX_BYTES = 64 * 1024 * 1024;
const MAX_URL_LENGTH = 2048;

/** Request headers that mark a client-side navigation, prefetch or action: never from the cache. */
const NOT_A_DOCUMENT = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-action", "purpose"];

type RequestHeaders = http.IncomingHttpHeaders;

/**
 * The cache key of a request for an innsyn page, or null when the request is not one or its
 * answer is not everyone's: a path Next.js would resolve to another (the key is the path that is
 * rendered), a session cookie (the page is that user's), or a language cookie parsers may read
 * differently (the page could be kept under the other language's key).
 */
export function pageCacheKey(method: string, url: string, headers: RequestHeaders, locale: string): string | null {
  if (method !== "GET" && method !== "HEAD") return null;
  if (url.length > MAX_URL_LENGTH || NOT_A_DOCUMENT.some((h) => headers[h] !== undefined)) return null;
  if (!isNormalisedPath(url) || carriesSessionCookie(headers.cookie) || ambiguousLocaleCookie(headers.cookie)) return null;
  const path = url.split("?")[0]!;
  // Pages only: the open-data files (plans.csv, plans.json) are route handlers with their own answers.
  if (path !== "/innsyn" && !(path.startsWith("/innsyn/") && !/\.[a-z]+$/i.test(path))) return null;
  return `${locale}\n${url}`;
}

export type CachedPage = {
  key: string;
  version: string;
  headers: [string, string][];
  csp: string;
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
};

const sizeOf = (p: CachedPage) => p.identity.length + p.gzip.length + p.br.length + p.key.length;

/** What a cache keeps: its key and the version it was made at. */
type Entry = { key: string; version: string };

/** Least-recently-used entries (pages, by default), bounded by count and bytes. */
export class PageCache<T extends Entry = CachedPage> {
  private readonly pages = new Map<string, T>();
  private bytes = 0;
  constructor(
    private readonly maxEntries = MAX_ENTRIES,
    private readonly maxBytes = MAX_BYTES,
    // The default sizes a CachedPage; other kinds of entry pass their own.
    private readonly sizeOfEntry: (entry: T) => number = (entry) => sizeOf(entry as unknown as CachedPage),
  ) {}

  get(key: string, version: string): T | null {
    const page = this.pages.get(key);
    if (!page) return null;
    this.pages.delete(key);
    if (page.version !== version) {
      this.bytes -= this.sizeOfEntry(page);
      return null;
    }
    this.pages.set(key, page);
    return page;
  }

  set(page: T): void {
    const old = this.pages.get(page.key);
    if (old) {
      this.pages.delete(page.key);
      this.bytes -= this.sizeOfEntry(old);
    }
    if (this.sizeOfEntry(page) > this.maxBytes) return;
    this.pages.set(page.key, page);
    this.bytes += this.sizeOfEntry(page);
    for (const [key, oldest] of this.pages) {
      if (this.pages.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.pages.delete(key);
      this.bytes -= this.sizeOfEntry(oldest);
    }
  }

  get size() {
    return { entries: this.pages.size, bytes: this.bytes };
  }
}

/** The SHA-256 sources ('sha256-…') of every inline <script> in the page, as the browser hashes them. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/i.test(m[1]!) || m[2] === "") continue;
    hashes.add(`'sha256-${createHash("sha256").update(m[2]!, "utf8").digest("base64")}'`);
  }
  return [...hashes];
}

// Response headers not kept: recomputed per answer, or per request by nature.
const NOT_KEPT = new Set(["content-length", "content-encoding", "transfer-encoding", "content-security-policy", "date", "connection", "keep-alive"]);

/**
 * The cache entry for a rendered page, or null when it must not be shared: not a 200 HTML page,
 * or it sets a cookie.
 */
export function pageEntry(key: string, version: string, status: number, headers: http.OutgoingHttpHeaders, body: Buffer): CachedPage | null {
  if (status !== 200 || headers["set-cookie"] !== undefined) return null;
  if (!String(headers["content-type"] ?? "").startsWith("text/html")) return null;
  if (headers["content-encoding"] !== undefined && headers["content-encoding"] !== "identity") return null;
  const kept: [string, string][] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || NOT_KEPT.has(name.toLowerCase())) continue;
    for (const v of Array.isArray(value) ? value : [String(value)]) kept.push([name, v]);
  }
  return {
    key,
    version,
    headers: kept,
    csp: contentSecurityPolicyWithHashes(inlineScriptHashes(body.toString("utf8"))),
    identity: body,
    gzip: zlib.gzipSync(body, { level: 9 }),
    br: zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 6, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
  };
}

/** The encoding to answer with for an Accept-Encoding header: the first of `preferred` it accepts, or none. */
export function chooseEncoding(accept: string | string[] | undefined, preferred: readonly ("br" | "gzip")[] = ["br", "gzip"]): "br" | "gzip" | null {
  const offered = new Map<string, number>();
  for (const part of String(accept ?? "").toLowerCase().split(",")) {
    const [name, ...params] = part.trim().split(";");
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name) offered.set(name.trim(), q === undefined ? 1 : Number(q) || 0);
  }
  const ok = (name: string) => (offered.get(name) ?? (offered.has("*") ? offered.get("*")! : 0)) > 0;
  return preferred.find(ok) ?? null;
}

/** Sends a cached page (headers only for HEAD). */
export function sendCachedPage(req: http.IncomingMessage, res: http.ServerResponse, page: CachedPage, state: "hit" | "miss"): void {
  const encoding = chooseEncoding(req.headers["accept-encoding"]);
  const body = encoding === "br" ? page.br : encoding === "gzip" ? page.gzip : page.identity;
  res.statusCode = 200;
  for (const [name, value] of page.headers) res.appendHeader(name, value);
  res.setHeader("Content-Security-Policy", page.csp);
  res.appendHeader("Vary", "Accept-Encoding");
  if (encoding) res.setHeader("Content-Encoding", encoding);
  res.setHeader("Content-Length", body.length);
  res.setHeader(PAGE_CACHE_HEADER, state);
  res.end(req.method === "HEAD" ? undefined : body);
}

/**
 * `read(key)`, read after the request arrived: requests arriving while a read of the same key is
 * under way share the next one, so under load there is at most one read per key in flight and one
 * queued, whatever the number of requests. Keys are forgotten once nothing waits on them.
 */
export function freshReadsByKey<T>(read: (key: string) => Promise<T>): (key: string) => Promise<T> {
  type State = { inFlight: Promise<T> | null; queued: Promise<T> | null };
  const states = new Map<string, State>();
  const start = (key: string, state: State) => {
    const p = read(key);
    state.inFlight = p;
    const settled = () => {
      if (state.inFlight === p) state.inFlight = null;
      if (!state.inFlight && !state.queued && states.get(key) === state) states.delete(key);
    };
    p.then(settled, settled);
    return p;
  };
  return (key: string) => {
    let state = states.get(key);
    if (!state) states.set(key, (state = { inFlight: null, queued: null }));
    const current = state.inFlight;
    if (!current) return start(key, state);
    const s = state;
    s.queued ??= current.then(() => undefined, () => undefined).then(() => {
      s.queued = null;
      return s.inFlight ?? start(key, s);
    });
    return s.queued;
  };
}

/** The version a cached page must carry to be served, read as freshReadsByKey reads (one key). */
export function freshVersionReader(read: () => Promise<string>): () => Promise<string> {
  const reads = freshReadsByKey(() => read());
  return () => reads("");
}

/** Today's date in Oslo: pages say what is overdue, so a new day is a new version. */
export const osloDate = (now = new Date()) => now.toLocaleDateString("sv-SE", { timeZone: "Europe/Oslo" });

/**
 * Lets Next.js render into a buffer instead of the socket; `done` gets the status, headers and
 * body when it ends and must answer the request itself (with the methods restored).
 */
export function captureResponse(res: http.ServerResponse, done: (status: number, headers: http.OutgoingHttpHeaders, body: Buffer) => void): void {
  const original = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders };
  const chunks: Buffer[] = [];
  const collect = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === "function") return;
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : Buffer.from(chunk as Uint8Array));
  };
  res.writeHead = function (this: http.ServerResponse, status: number, ...rest: unknown[]) {
    res.statusCode = status;
    const headers = rest.find((r) => r && typeof r === "object") as http.OutgoingHttpHeaders | undefined;
    for (const [name, value] of Object.entries(headers ?? {})) if (value !== undefined) res.setHeader(name, value);
    return this;
  } as typeof res.writeHead;
  res.flushHeaders = () => {};
  res.write = function (chunk: unknown, ...rest: unknown[]) {
    collect(chunk, rest[0]);
    const callback = rest.find((r) => typeof r === "function") as (() => void) | undefined;
    if (callback) queueMicrotask(callback);
    return true;
  } as typeof res.write;
  res.end = function (this: http.ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    collect(chunk, rest[0]);
    Object.assign(res, original);
    done(res.statusCode, res.getHeaders(), Buffer.concat(chunks));
    return this;
  } as typeof res.end;
}

const FILL_WAIT_MS = 10_000;

/**
 * Renders under way, by key: requests for an answer being rendered wait for that one render
 * instead of starting their own (at most FILL_WAIT_MS; a render that takes longer, or never ends,
 * is not waited for).
 */
export function renderGroup<T>() {
  const fills = new Map<string, Promise<T | null>>();
  return {
    /** The answer of the render under way for `key` (null: it could not be kept or took too long); undefined when none is. */
    async waitFor(key: string): Promise<T | null | undefined> {
      const pending = fills.get(key);
      if (!pending) return undefined;
      return Promise.race([pending, new Promise<null>((resolve) => setTimeout(resolve, FILL_WAIT_MS, null).unref())]);
    },
    /** Starts the render of `key` for `res`; call the returned function with what it gave (a reader leaving gives null). */
    begin(key: string, res: http.ServerResponse): (entry: T | null) => void {
      let settle!: (entry: T | null) => void;
      const fill = new Promise<T | null>((resolve) => (settle = resolve));
      fills.set(key, fill);
      const finish = (entry: T | null) => {
        if (fills.get(key) === fill) fills.delete(key);
        settle(entry);
      };
      res.once("close", () => finish(null));
      return finish;
    },
  };
}

/**
 * The edge's handler for innsyn pages: `serve(req, res, key)` answers from the cache, or lets
 * `render` (Next.js) render the page and keeps it. It resolves false when the request should go to
 * Next.js as usual: the version cannot be read (the database does not answer; the page then says
 * so itself), a HEAD that is not cached, or a render it waited for that could not be kept.
 */
export function publicPageServer(readVersion: () => Promise<string>, render: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<unknown>, cache = new PageCache()) {
  const version = freshVersionReader(readVersion);
  // Renders under way, per version and key: requests for the same page wait for the one render.
  const fills = renderGroup<CachedPage>();

  async function serve(req: http.IncomingMessage, res: http.ServerResponse, key: string): Promise<boolean> {
    let current: string;
    try {
      current = await version();
    } catch {
      return false;
    }
    const hit = cache.get(key, current);
    if (hit) return (sendCachedPage(req, res, hit, "hit"), true);
    const fillKey = `${current}\n${key}`;
    const pending = await fills.waitFor(fillKey);
    if (pending) return (sendCachedPage(req, res, pending, "hit"), true);
    if (pending === null) return false;
    // HEAD has no body to keep.
    if (req.method !== "GET") return false;
    const finish = fills.begin(fillKey, res);
    // Rendered uncompressed, so the page can be hashed and compressed once.
    const acceptEncoding = req.headers["accept-encoding"];
    delete req.headers["accept-encoding"];
    captureResponse(res, (status, headers, body) => {
      req.headers["accept-encoding"] = acceptEncoding;
      let page: CachedPage | null = null;
      try {
        page = pageEntry(key, current, status, headers, body);
      } finally {
        finish(page);
      }
      if (page) {
        cache.set(page);
        for (const name of res.getHeaderNames()) res.removeHeader(name);
        return sendCachedPage(req, res, page, "miss");
      }
      res.setHeader(PAGE_CACHE_HEADER, "pass");
      res.end(body);
    });
    await render(req, res);
    return true;
  }
  return serve;
}
