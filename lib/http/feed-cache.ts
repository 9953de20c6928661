// The calendar feed (/api/calendar/<token>) at the edge (decision 059). The feed is the same for
// every reader of a tenant while the register's version and the date in Oslo are unchanged, so it
// is rendered by the route handler and compressed (br, gzip) once per version, then served from
// here. Every request still checks its secret link, by a statement read after it arrived (requests
// for one feed arriving together share it): one statement reads the register's version
// and whether the token belongs to an active user whose role may read the register. A token that
// does not pass goes to the route handler, which answers 404 as before. Free of Next.js and Prisma.
import { createHash } from "node:crypto";
import type http from "node:http";
import zlib from "node:zlib";
import { can, type Permission } from "../permissions";
import type { Role } from "../generated/prisma/enums";
import { captureResponse, freshReadsByKey, osloDate, PageCache, renderGroup, sendCachedPage, type CachedPage } from "./page-cache";
import { fallbackContentSecurityPolicy } from "./edge";

const FEED_PATH = /^\/api\/calendar\/([A-Za-z0-9_-]{43})$/;
const READ: Permission = "plan.read";
// Few entries per tenant: one per base URL the feed is built for (the host a request names).
const MAX_FEEDS = 8;

/** One cache for the feeds of every tenant of a process: its bytes are bounded once, whatever the number of tenants. */
export const sharedFeedCache = () => new PageCache(MAX_FEEDS * 8, 64 * 1024 * 1024);
const NOT_KEPT = new Set(["content-length", "content-encoding", "transfer-encoding", "content-security-policy", "date", "connection", "keep-alive", "vary"]);

/** The statement the edge runs, in the request's tenant: the register's version and the token's user's role, if active. */
export const FEED_CHECK_SQL = `SELECT (SELECT version::text FROM data_versions WHERE name = 'register') AS version,
  (SELECT u.role::text FROM calendar_feeds f JOIN users u ON u.tenant_id = f.tenant_id AND u.id = f.user_id WHERE f.token_hash = $1 AND u.active) AS role`;

export type FeedCheck = (tokenHash: string) => Promise<{ version: string | null; role: string | null }>;

/** The token of a feed request, or null when the request is not one. */
export function feedToken(method: string, url: string): string | null {
  if (method !== "GET" && method !== "HEAD") return null;
  return FEED_PATH.exec(url)?.[1] ?? null;
}

function feedEntry(key: string, version: string, status: number, headers: http.OutgoingHttpHeaders, body: Buffer): CachedPage | null {
  if (status !== 200 || headers["set-cookie"] !== undefined || !String(headers["content-type"] ?? "").startsWith("text/calendar")) return null;
  if (headers["content-encoding"] !== undefined && headers["content-encoding"] !== "identity") return null;
  const kept: [string, string][] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || NOT_KEPT.has(name.toLowerCase())) continue;
    for (const v of Array.isArray(value) ? value : [String(value)]) kept.push([name, v]);
  }
  return {
    key, version, headers: kept, csp: fallbackContentSecurityPolicy(), identity: body,
    gzip: zlib.gzipSync(body, { level: 6 }),
    br: zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 6, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
  };
}

/**
 * One tenant's feed server: resolves true when it answered (from its cache, or by letting
 * `render` build the feed and keeping it), false when the request goes to Next.js as usual
 * (not a feed, a token that does not pass, the database not answering).
 */
/** `scope` (the tenant) starts every key, so several tenants can share one `cache`. */
export function feedServer(check: FeedCheck, render: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<unknown>, cache = new PageCache(MAX_FEEDS, 64 * 1024 * 1024), scope = "") {
  // Requests for one feed arriving together share the next check read after they arrived.
  const fresh = freshReadsByKey(check);
  // One build per feed and version: the requests that arrive meanwhile wait for it (a feed of
  // 10,000 plans built by every waiting request at once was the server's memory peak).
  const fills = renderGroup<CachedPage>();
  return async function serve(req: http.IncomingMessage, res: http.ServerResponse, token: string): Promise<boolean> {
    let found: Awaited<ReturnType<FeedCheck>>;
    try {
      found = await fresh(createHash("sha256").update(token).digest("hex"));
    } catch {
      return false;
    }
    if (!found.role || !can(found.role as Role, READ)) return false;
    // The feed's links are built from these (lib/base-url.ts).
    const key = [scope, req.headers.host, req.headers["x-forwarded-host"], req.headers["x-forwarded-proto"]].map((h) => String(h ?? "")).join("\n");
    const version = `${found.version ?? "0"}:${osloDate()}`;
    const hit = cache.get(key, version);
    if (hit) return (sendCachedPage(req, res, hit, "hit"), true);
    const fillKey = `${version}\n${key}`;
    const pending = await fills.waitFor(fillKey);
    if (pending) return (sendCachedPage(req, res, pending, "hit"), true);
    if (pending === null || req.method !== "GET") return false;
    const finish = fills.begin(fillKey, res);
    // Built uncompressed by the route handler, compressed here once.
    const acceptEncoding = req.headers["accept-encoding"];
    delete req.headers["accept-encoding"];
    captureResponse(res, (status, headers, body) => {
      req.headers["accept-encoding"] = acceptEncoding;
      let entry: CachedPage | null = null;
      try {
        entry = feedEntry(key, version, status, headers, body);
      } finally {
        finish(entry);
      }
      if (!entry) return void res.end(body);
      cache.set(entry);
      for (const name of res.getHeaderNames()) res.removeHeader(name);
      sendCachedPage(req, res, entry, "miss");
    });
    await render(req, res);
    return true;
  };
}
