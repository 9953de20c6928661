// Signed-in pages at the edge (scripts/server.ts, decision 062). A politician's `/plans` is the
// same answer, byte for byte but for the CSP nonce, until the register's version moves: here the
// answer Next.js rendered for one session is kept and given to that session again, for document
// loads and client-side navigations (RSC requests) alike, without rendering it anew.
// - The session is checked on every request, by the app's own statement and rules
//   (lib/auth/session-check.ts), read after the request arrived (one session's requests arriving
//   together share one read): a revoked, expired, idle or deactivated session, or one whose
//   role changed, is not answered here; the request goes to Next.js, which refuses it.
// - The key starts with the tenant and the session: an answer is only ever given to the session it
//   was rendered for, in the role it had then, on the same host, URL, language and router headers.
// - Fresh across instances: the version (register + date in Oslo) comes from the same statement,
//   read after the request arrived; a save in any instance moves it.
// - The nonce CSP holds: each answer gets a fresh nonce, written over the one it was rendered with;
//   the page is compressed once around it (lib/http/nonce-gzip.ts), so answers cost no compressor.
// - Bounded: MAX_ENTRIES answers and MAX_BYTES bytes, least recently used first out.
// Free of Next.js and Prisma: the edge runs before either.
import { randomUUID } from "node:crypto";
import type http from "node:http";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { judgeSession, readSessionToken, type SessionClaims, type SessionRow } from "../auth/session-check";
import { isNormalisedPath } from "./edge";
import { captureResponse, chooseEncoding, freshReadsByKey, osloDate, PAGE_CACHE_HEADER, PageCache, renderGroup } from "./page-cache";
import { gzipWithNonce, plainWithNonce, splitAtNonce, type NonceBody } from "./nonce-gzip";
import { ambiguousLocaleCookie, parseRequestCookies } from "./request-cookies";

const MAX_ENTRIES = 2000;
const MAX_BYTES = 32 * 1024 * 1024;
const MAX_URL_LENGTH = 2048;

/**
 * The pages kept: read-only views whose every table moves the register's version (decision 060's
 * rule; strategy_draft_items joined it for /periods/<id>). Forms, admin and account pages are not.
 */
const KEPT_PATHS = /^\/(?:plans(?:\/\d{1,9})?|schedule|sdg(?:\/\d{1,2})?|periods\/\d{1,9})?$/;

/** The request headers Next.js varies these answers on (its Vary header), all in the key. */
const ROUTER_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-url", "purpose"];
const VARY_KEPT = new Set([...ROUTER_HEADERS, "accept-encoding"]);

// Response headers not kept: recomputed per answer, or per request by nature.
const NOT_KEPT = new Set(["content-length", "content-encoding", "transfer-encoding", "content-security-policy", "date", "connection", "keep-alive", PAGE_CACHE_HEADER]);

export type SessionPageRequest = { token: string; locale: string; url: string };

/**
 * The request as the cache sees it, or null when it is not for a kept page: not a GET of a kept
 * path Next.js renders as written, no session cookie, or a language cookie parsers may read
 * differently.
 */
export function sessionPageRequest(method: string, url: string, headers: http.IncomingHttpHeaders, cookieName: string, locale: string): SessionPageRequest | null {
  if (method !== "GET" || url.length > MAX_URL_LENGTH || headers["next-action"] !== undefined) return null;
  if (!KEPT_PATHS.test(url.split("?")[0]!) || !isNormalisedPath(url) || ambiguousLocaleCookie(headers.cookie)) return null;
  const token = parseRequestCookies(headers.cookie).get(cookieName);
  return token ? { token, locale, url } : null;
}

export type SessionPage = {
  key: string;
  version: string;
  status: number;
  headers: [string, string][];
  /** The policy it was rendered with, and its nonce (null: it has none, e.g. a prefetch). */
  csp: string | null;
  nonce: string | null;
  /** The body cut at the nonce and deflated once (lib/http/nonce-gzip.ts). */
  body: NonceBody;
};

const sum = (buffers: Buffer[]) => buffers.reduce((n, b) => n + b.length, 0);
const sizeOf = (p: SessionPage) => sum(p.body.deflated) + p.body.crcs.length * 24 + p.key.length + 512;

/** One cache for every tenant of a process: bounded once, whatever the number of tenants. */
export const sharedSessionPages = () => new PageCache<SessionPage>(MAX_ENTRIES, MAX_BYTES, sizeOf);

/**
 * The entry for an answer Next.js rendered, or null when it must not be given again: not a 200
 * page or RSC payload, a cookie set, compressed, or varying on a header the key does not hold.
 */
export function sessionPageEntry(key: string, version: string, status: number, headers: http.OutgoingHttpHeaders, body: Buffer): SessionPage | null {
  if (status !== 200 || headers["set-cookie"] !== undefined) return null;
  const type = String(headers["content-type"] ?? "");
  if (!type.startsWith("text/html") && !type.startsWith("text/x-component")) return null;
  if (headers["content-encoding"] !== undefined && headers["content-encoding"] !== "identity") return null;
  const vary = String(headers.vary ?? "").toLowerCase().split(",").map((v) => v.trim()).filter(Boolean);
  if (vary.some((name) => !VARY_KEPT.has(name))) return null;
  const kept: [string, string][] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || NOT_KEPT.has(name.toLowerCase())) continue;
    for (const v of Array.isArray(value) ? value : [String(value)]) kept.push([name, v]);
  }
  const csp = headers["content-security-policy"] === undefined ? null : String(headers["content-security-policy"]);
  const nonce = /'nonce-([A-Za-z0-9+/=]{16,})'/.exec(csp ?? "")?.[1] ?? null;
  return { key, version, status, headers: kept, csp, nonce, body: splitAtNonce(body, nonce) };
}

const brotli = promisify(zlib.brotliCompress);

/**
 * Sends a kept answer compressed as the client accepts: given again ("hit") with a fresh nonce in
 * its body and its policy; the first time ("miss") as rendered, since no browser has seen its nonce.
 */
export async function sendSessionPage(req: http.IncomingMessage, res: http.ServerResponse, page: SessionPage, state: "hit" | "miss"): Promise<void> {
  const nonce = state === "hit" && page.nonce ? Buffer.from(randomUUID()).toString("base64") : page.nonce;
  // gzip first: it is put together from the pieces compressed once; brotli would be a compression per answer.
  const encoding = chooseEncoding(req.headers["accept-encoding"], ["gzip", "br"]);
  let body = encoding === "gzip" ? gzipWithNonce(page.body, nonce ?? "") : plainWithNonce(page.body, nonce ?? "");
  if (encoding === "br") body = await brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
  if (res.destroyed) return;
  res.statusCode = page.status;
  const renonce = (value: string) => (nonce && page.nonce && nonce !== page.nonce ? value.replaceAll(page.nonce, nonce) : value);
  for (const [name, value] of page.headers) res.appendHeader(name, renonce(value));
  // The policy proxy.ts gave the page, with this answer's nonce.
  const csp = page.csp && renonce(page.csp);
  if (csp) res.setHeader("Content-Security-Policy", csp);
  if (!/accept-encoding/i.test(String(res.getHeader("vary") ?? ""))) res.appendHeader("Vary", "Accept-Encoding");
  if (encoding) res.setHeader("Content-Encoding", encoding);
  res.setHeader("Content-Length", body.length);
  res.setHeader(PAGE_CACHE_HEADER, state);
  res.end(body);
}

// Decrypting a cookie derives its key (HKDF) each time: a tenth of a kept answer's cost. The claims
// of a cookie never change, so those that decoded are kept, least recently used first out. A
// session's end (lifetime, sign-out, role change) is in its row, read on every request.
const MAX_CLAIMS = 2000;
const knownClaims = new Map<string, SessionClaims>();
async function claimsOf(token: string, secret: string): Promise<SessionClaims | null> {
  const known = knownClaims.get(token);
  if (known) {
    knownClaims.delete(token);
    knownClaims.set(token, known);
    return known;
  }
  const claims = await readSessionToken(token, secret);
  if (!claims) return null;
  knownClaims.set(token, claims);
  if (knownClaims.size > MAX_CLAIMS) knownClaims.delete(knownClaims.keys().next().value!);
  return claims;
}

/** The session statement in the request's tenant (lib/auth/session-check.ts SESSION_CHECK_SQL). */
export type SessionLookup = (sessionId: string) => Promise<SessionRow | undefined>;

/**
 * One tenant's handler: resolves true when it answered (from the cache, or by letting `render`
 * render and keeping the answer), false when the request goes to Next.js as usual: a session the
 * app would refuse (it then redirects to sign-in), a session due to have its last use written (the
 * app writes it), or a database that does not answer (the app says so).
 */
export function sessionPageServer(lookup: SessionLookup, secret: () => string, render: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<unknown>, cache: PageCache<SessionPage>, scope: string) {
  // Requests of one session arriving together share the next statement read after they arrived.
  const fresh = freshReadsByKey(lookup);
  // One render per answer: the session's requests for it that arrive meanwhile wait for it.
  const fills = renderGroup<SessionPage>();
  return async function serve(req: http.IncomingMessage, res: http.ServerResponse, request: SessionPageRequest): Promise<boolean> {
    // No secret configured, or a cookie that does not decode: the app answers (and says why).
    const claims = await claimsOf(request.token, secret()).catch(() => null);
    if (!claims) return false;
    let row: SessionRow | undefined;
    try {
      row = await fresh(claims.sessionId);
    } catch {
      return false;
    }
    const checked = judgeSession(claims, row);
    if (!checked || checked.touch) return false;
    const { user } = checked;
    const key = [scope, user.sessionId, user.id, user.role, request.locale, req.headers.host, req.headers["x-forwarded-host"], req.headers["x-forwarded-proto"], request.url, ...ROUTER_HEADERS.map((h) => req.headers[h])]
      .map((part) => String(part ?? "")).join("\n");
    const version = `${row!.registerVersion ?? "0"}:${osloDate()}`;
    const hit = cache.get(key, version);
    if (hit) return (await sendSessionPage(req, res, hit, "hit"), true);
    const fillKey = `${version}\n${key}`;
    const pending = await fills.waitFor(fillKey);
    if (pending) return (await sendSessionPage(req, res, pending, "hit"), true);
    if (pending === null) return false;
    const finish = fills.begin(fillKey, res);
    // Rendered uncompressed, so the nonce can be written over and the page compressed once.
    const acceptEncoding = req.headers["accept-encoding"];
    delete req.headers["accept-encoding"];
    captureResponse(res, (status, headers, body) => {
      req.headers["accept-encoding"] = acceptEncoding;
      let entry: SessionPage | null = null;
      try {
        entry = sessionPageEntry(key, version, status, headers, body);
      } finally {
        finish(entry);
      }
      if (!entry) {
        res.setHeader(PAGE_CACHE_HEADER, "pass");
        return void res.end(body);
      }
      cache.set(entry);
      const fallbackCsp = res.getHeader("content-security-policy");
      for (const name of res.getHeaderNames()) res.removeHeader(name);
      if (!entry.csp && fallbackCsp) res.setHeader("Content-Security-Policy", fallbackCsp);
      sendSessionPage(req, res, entry, "miss").catch(() => res.destroy());
    });
    await render(req, res);
    return true;
  };
}
