// The HTTP server of `npm start` and `npm run dev`: Next.js through its custom-server API, behind
// a thin edge that does what only the socket knows or what Next.js would answer with a 500
// (decision 015):
//  - the client's address and protocol (TCP peer, or TRUSTED_PROXY_COUNT proxies' headers) go to
//    the app on headers the edge sets after deleting any copy the client sent;
//  - a path Next.js would resolve to another ("..", "%2e%2e", "\\") gets 400: the edge decides on
//    the path that is rendered;
//  - bodies over 2 MB get 413 (after reading them, up to 32 MB, so the client sees it), server-action
//    posts from a foreign Origin 403, as plain text that React's action client shows as the error's
//    message;
//  - every response has a Content-Security-Policy (pages get proxy.ts's nonce policy instead);
//  - a page that fails with 500 because the database does not answer becomes a 503 page;
//  - innsyn's pages are served from a page cache while the register's version is unchanged
//    (lib/http/page-cache.ts, decision 038);
//  - the calendar feed is compressed once per register version and served from here, its secret
//    link still checked on every request (lib/http/feed-cache.ts, decision 059);
//  - signed-in pages are given again to the session they were rendered for while the register's
//    version is unchanged, the session checked on every request (lib/http/session-page-cache.ts,
//    decision 062);
//  - /api/health is answered here, before the tenant or Next.js (liveness only);
//  - the tenant (municipality) comes from the host name (decision 046): an unknown host gets a 404
//    page; the request runs in its tenant, which the app reads on a header the edge sets.
// Usage: node --import tsx scripts/server.ts [--dev]   (PORT, HOSTNAME, DATABASE_URL from the environment)
import http from "node:http";
import path from "node:path";
import next from "next";
import pg from "pg";
import { CLIENT_ADDRESS_HEADER, CLIENT_PROTOCOL_HEADER, clientAddress, clientProtocol, trustedProxyCount } from "../lib/http/client";
import { DRAIN_LIMIT_BYTES, DRAIN_SECONDS, fallbackContentSecurityPolicy, refuseRequest, type EdgeRefusal } from "../lib/http/edge";
import { sendPlainPage, sendUnavailable } from "../lib/http/unavailable";
import { requestAuthority, requestHost, TENANT_HEADER, tenantResolver } from "../lib/http/tenant-host";
import { appConnection } from "../lib/db-role";
import { withTenant } from "../lib/tenant-context";
import { tenantQuery } from "../lib/tenant-sql";
import { osloDate, PageCache, pageCacheKey, publicPageServer } from "../lib/http/page-cache";
import { FEED_CHECK_SQL, feedServer, feedToken, sharedFeedCache } from "../lib/http/feed-cache";
import { requestLocale } from "../lib/http/request-cookies";
import { sessionPageRequest, sessionPageServer, sharedSessionPages, type SessionPageRequest } from "../lib/http/session-page-cache";
import { SESSION_CHECK_SQL, type SessionRow } from "../lib/auth/session-check";
import { authSecret, sessionCookieName } from "../lib/auth/settings";
import nb from "../lib/i18n/messages/nb.json" with { type: "json" };
import en from "../lib/i18n/messages/en.json" with { type: "json" };

// Not from scripts/db: this process loads nothing of the migration tooling.
const projectRoot = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME || undefined;
const proxies = trustedProxyCount();
// Many tenants, one process: next-auth must take its origin (the SSO callback and redirects) from
// the request's host, which it does without NEXTAUTH_URL and with AUTH_TRUST_HOST, from the
// X-Forwarded-Host and -Proto that the edge sets below from its own reading (decision 056). The
// worker keeps NEXTAUTH_URL for links made without a request.
// Links that leave the browser keep the configured address (lib/base-url.ts, decision 058).
if (process.env.NEXTAUTH_URL) process.env.PLANREGISTER_BASE_URL ??= process.env.NEXTAUTH_URL;
delete process.env.NEXTAUTH_URL;
process.env.AUTH_TRUST_HOST = "1";

const app = next({ dev, dir: projectRoot, hostname: hostname ?? "localhost", port });
const handle = app.getRequestHandler();
// Its own small pool: the page cache's version read and the 503 probe, bounded waits so a stalled database
// never holds a request here (the app then answers with its own "database not answering").
// As the app role, each statement in a transaction with the request's tenant (decision 045).
const pool = new pg.Pool({ connectionString: appConnection(process.env.DATABASE_URL ?? "").url, max: 8, connectionTimeoutMillis: 2000, statement_timeout: 2000, query_timeout: 3000 });
pool.on("error", () => {});

// PAGE_CACHE=0 turns the cache off (to compare in a benchmark); development never caches.
const pageCacheOn = !dev && process.env.PAGE_CACHE !== "0";
// One page server per tenant, each reading its own register version; all of them keep their pages
// in one cache whose keys start with the tenant, so its entries and bytes are bounded once for the
// process, not once per tenant (a hundred municipalities must not mean a hundred caches' memory).
const sharedPages = new PageCache();
const sharedFeeds = sharedFeedCache();
const pageServers = new Map<number, ReturnType<typeof publicPageServer>>();
const servePublicPage = (tenant: number) => {
  let server = pageServers.get(tenant);
  if (!server) {
    server = publicPageServer(async () => {
      const { rows } = await tenantQuery(pool, "SELECT version::text AS version FROM data_versions WHERE name = 'register'", [], tenant);
      return `${(rows[0] as { version?: string } | undefined)?.version ?? "0"}:${osloDate()}`;
    }, handle, sharedPages);
    pageServers.set(tenant, server);
  }
  return server;
};
// The calendar feed, compressed once per register version (lib/http/feed-cache.ts), per tenant.
const feedServers = new Map<number, ReturnType<typeof feedServer>>();
const serveFeed = (tenant: number) => {
  let server = feedServers.get(tenant);
  if (!server) {
    server = feedServer(async (tokenHash) => (await tenantQuery(pool, FEED_CHECK_SQL, [tokenHash], tenant)).rows[0] as { version: string | null; role: string | null }, handle, sharedFeeds, String(tenant));
    feedServers.set(tenant, server);
  }
  return server;
};
// Signed-in pages, per session (lib/http/session-page-cache.ts): one cache for every tenant.
const sharedSessionAnswers = sharedSessionPages();
const sessionServers = new Map<number, ReturnType<typeof sessionPageServer>>();
const serveSessionPage = (tenant: number, req: http.IncomingMessage, res: http.ServerResponse, request: SessionPageRequest) => {
  let server = sessionServers.get(tenant);
  if (!server) {
    server = sessionPageServer(async (id) => (await tenantQuery(pool, SESSION_CHECK_SQL, [id], tenant)).rows[0] as SessionRow | undefined, authSecret, handle, sharedSessionAnswers, String(tenant));
    sessionServers.set(tenant, server);
  }
  return server(req, res, request);
};
const resolveTenant = tenantResolver((sql, params) => pool.query(sql, params));

function refuse(req: http.IncomingMessage, res: http.ServerResponse, refusal: EdgeRefusal) {
  const messages = requestLocale(req.headers.cookie) === "en" ? en.edge : nb.edge;
  const message = messages[refusal.messageKey].replace("{seconds}", String(refusal.retryAfterSeconds ?? ""));
  res.statusCode = refusal.status;
  // React's action client shows the body as the error's message only for exactly "text/plain"
  // (it reads it as UTF-8); a browser loading the answer as a page needs the charset.
  res.setHeader("Content-Type", req.headers["next-action"] ? "text/plain" : "text/plain; charset=utf-8");
  res.setHeader("Cache-Control", "no-store");
  if (refusal.retryAfterSeconds) res.setHeader("Retry-After", String(refusal.retryAfterSeconds));
  // What is left of an oversized body is not read (refuseAfterBody): the connection closes.
  if (refusal.status === 413) res.setHeader("Connection", "close");
  res.end(message);
}

/**
 * A 413 after the body has been read and thrown away (edge.ts, DRAIN_LIMIT_BYTES), so the client
 * reads it. Node's parser ends the body at its Content-Length, so at most that much is read.
 */
function refuseAfterBody(req: http.IncomingMessage, res: http.ServerResponse, refusal: EdgeRefusal) {
  const length = Number(req.headers["content-length"]);
  if (refusal.status !== 413 || !(length <= DRAIN_LIMIT_BYTES)) return refuse(req, res, refusal);
  let answered = false;
  const answer = () => {
    if (answered) return;
    answered = true;
    clearTimeout(timer);
    refuse(req, res, refusal);
  };
  const timer = setTimeout(answer, DRAIN_SECONDS * 1000);
  req.resume();
  req.on("end", answer);
  req.on("error", () => {
    answered = true;
    clearTimeout(timer);
  });
}

async function databaseAnswers(): Promise<boolean> {
  try {
    await pool.query("SELECT 1");
    return true;
  } catch {
    return false;
  }
}

// Next.js answers 500 when a page throws, whatever the cause, and a page cannot set its own
// status. A 500 to a GET is held back until a probe says whether the database answers: if it
// does not, the answer is the 503 page; otherwise Next.js's 500 goes out unchanged.
function holdServerErrors(req: http.IncomingMessage, res: http.ServerResponse): void {
  const original = { writeHead: res.writeHead, write: res.write, end: res.end };
  const chunks: Buffer[] = [];
  let holding = false;
  const hold = () => (holding ||= !res.headersSent && res.statusCode === 500);
  const collect = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === "function") return;
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : Buffer.from(chunk as Uint8Array));
  };
  res.writeHead = function (this: http.ServerResponse, status: number, ...rest: unknown[]) {
    // Called again by flushHeaders() and write(): still held.
    if (status !== 500 || res.headersSent) return original.writeHead.apply(this, [status, ...rest] as never);
    res.statusCode = 500;
    const headers = rest.find((r) => r && typeof r === "object") as http.OutgoingHttpHeaders | undefined;
    for (const [name, value] of Object.entries(headers ?? {})) if (value !== undefined) res.setHeader(name, value);
    holding = true;
    return this;
  } as typeof res.writeHead;
  res.write = function (this: http.ServerResponse, chunk: unknown, ...rest: unknown[]) {
    if (!hold()) return original.write.apply(this, [chunk, ...rest] as never);
    collect(chunk, rest[0]);
    return true;
  } as typeof res.write;
  res.end = function (this: http.ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    if (!hold()) return original.end.apply(this, [chunk, ...rest] as never);
    collect(chunk, rest[0]);
    Object.assign(res, original);
    void databaseAnswers().then((answers) => {
      if (answers) return void res.end(Buffer.concat(chunks));
      const lang = requestLocale(req.headers.cookie);
      sendUnavailable(res, lang, lang === "en" ? en.edge : nb.edge, req.url ?? "/");
    });
    return this;
  } as typeof res.end;
}

const server = http.createServer(async (req, res) => {
  const method = req.method ?? "GET";
  const path = req.url ?? "/";
  const address = clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], proxies);
  req.headers[CLIENT_ADDRESS_HEADER] = address;
  const protocol = clientProtocol("encrypted" in req.socket && Boolean(req.socket.encrypted), req.headers["x-forwarded-proto"], proxies);
  req.headers[CLIENT_PROTOCOL_HEADER] = protocol;
  res.setHeader("Content-Security-Policy", fallbackContentSecurityPolicy());
  delete req.headers[TENANT_HEADER];
  // Liveness and readiness answer on any host, known or not, before the tenant is looked up: a
  // load balancer probes by address, and neither needs a municipality (decisions 057, 059).
  const probe = healthProbe(method, path);
  if (probe) return sendHealth(res, method, probe);
  const tenant = await resolveTenant(requestHost(req.headers.host, req.headers["x-forwarded-host"], proxies)).catch(() => undefined);
  const lang = requestLocale(req.headers.cookie);
  const texts = lang === "en" ? en.edge : nb.edge;
  if (tenant === undefined) return sendUnavailable(res, lang, texts, path);
  if (tenant === null) return sendPlainPage(res, 404, lang, { title: texts.unknownHostTitle, body: texts.unknownHostBody });
  req.headers[TENANT_HEADER] = String(tenant);
  // What the app (next-auth, server actions' origin check, links) reads as the client's address: ours, never the client's copy.
  const authority = requestAuthority(req.headers.host, req.headers["x-forwarded-host"], proxies);
  if (authority) req.headers["x-forwarded-host"] = authority;
  else delete req.headers["x-forwarded-host"];
  req.headers["x-forwarded-proto"] = protocol;
  await withTenant(tenant, () => serve(req, res, tenant, method, path)).catch((error: unknown) => {
    // Never an unhandled rejection (it would end the process, and every request with it).
    console.error("Edge error", error);
    if (res.headersSent) return void res.destroy();
    sendPlainPage(res, 500, lang, { title: texts.serverErrorTitle, body: texts.serverErrorBody });
  });
});

// The same answers as app/api/health and app/api/health/ready: liveness never touches the
// database; readiness asks it one trivial query (no table, so no tenant).
function healthProbe(method: string, path: string): "live" | "ready" | null {
  if (method !== "GET" && method !== "HEAD") return null;
  const bare = path.split("?")[0];
  return bare === "/api/health" ? "live" : bare === "/api/health/ready" ? "ready" : null;
}

async function sendHealth(res: http.ServerResponse, method: string, probe: "live" | "ready") {
  const ready = probe === "live" || (await databaseAnswers());
  const body = JSON.stringify(probe === "live" ? { status: "ok" } : ready ? { status: "ok", database: "ok" } : { status: "unavailable", database: "unavailable" });
  const headers: http.OutgoingHttpHeaders = { "Content-Type": "application/json", "Cache-Control": "no-store", "Content-Length": Buffer.byteLength(body) };
  if (!ready) headers["Retry-After"] = "10";
  res.writeHead(ready ? 200 : 503, headers);
  res.end(method === "HEAD" ? undefined : body);
}

async function serve(req: http.IncomingMessage, res: http.ServerResponse, tenant: number, method: string, path: string) {
  const refusal = refuseRequest(method, path, req.headers);
  if (refusal) return refuseAfterBody(req, res, refusal);
  // Documents only: a client-side navigation (RSC request) keeps Next.js's error and its retry button.
  if ((method === "GET" || method === "HEAD") && !req.headers.rsc) holdServerErrors(req, res);
  const cacheKey = pageCacheOn ? pageCacheKey(method, path, req.headers, requestLocale(req.headers.cookie)) : null;
  if (cacheKey && (await servePublicPage(tenant)(req, res, `${tenant}\n${cacheKey}`))) return;
  const signedIn = pageCacheOn ? sessionPageRequest(method, path, req.headers, sessionCookieName(), requestLocale(req.headers.cookie)) : null;
  if (signedIn && (await serveSessionPage(tenant, req, res, signedIn))) return;
  const token = pageCacheOn ? feedToken(method, path) : null;
  if (token && (await serveFeed(tenant)(req, res, token))) return;
  await handle(req, res);
}
// Longer than a load balancer's idle timeout, so it never reuses a connection we just closed.
server.keepAliveTimeout = 65_000;

await app.prepare();
server.listen(port, hostname, () => console.log(`> Ready on http://${hostname ?? "localhost"}:${port}${dev ? " (dev)" : ""}`));

let closing = false;
async function shutdown() {
  if (closing) return;
  closing = true;
  server.close();
  server.closeIdleConnections();
  await app.close().catch(() => {});
  await pool.end().catch(() => {});
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown());
process.on("SIGINT", () => void shutdown());
