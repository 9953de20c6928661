// The read API's request pipeline, free of Next.js so tests drive it with real Requests:
// who is asking (token or the public), the rate limit, the query's zod check, the answer with
// ETag / If-None-Match, CORS, and every failure as problem+json — never a 500 for bad input.
import "server-only";
import { createHash } from "node:crypto";
import type { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client";
import { hitRateLimit, queryRunner } from "../rate-limit";
import { isDatabaseUnavailable } from "../db-errors";
import { requestClientAddress } from "../auth/client-address";
import { verifyApiToken } from "../api-tokens/verify";
import { BadCursorError } from "../public/cursor";
import { searchParamsObject } from "../public/params";
import { PUBLIC, type Audience } from "../public/visibility";
import { invalidParams, problem } from "./problem";

export type ApiDeps = {
  /** The database (the app's client; tests may pass their own). */
  client: PrismaClient;
  /** Whether innsyn is on (the admin setting): without a token the API answers only then. */
  innsynEnabled: () => Promise<boolean>;
  /** Caches a public answer (the route handlers use the data cache; tests pass the loader through). */
  cachePublic: <T>(key: string, load: () => Promise<T>) => Promise<T>;
};

export type ApiRoute<Q extends z.ZodType> = {
  query: Q;
  /** Path parameters, already a plain object (validated by `path`). */
  path?: z.ZodType;
  /** The body, or null for 404. */
  load: (audience: Audience, query: z.output<Q>, path: Record<string, unknown>, client: PrismaClient) => Promise<unknown>;
};

/** Requests per minute: per token, and per client address without one. */
export const apiRateLimits = () => ({
  token: positive(process.env.API_TOKEN_RATE_LIMIT, 600),
  address: positive(process.env.API_RATE_LIMIT, 300),
});
function positive(raw: string | undefined, fallback: number) {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** CORS for every answer: any origin may GET public data; no cookies are ever used. */
export const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
  "Access-Control-Allow-Headers": "Authorization, If-None-Match",
  "Access-Control-Expose-Headers": "ETag, Retry-After",
  Vary: "Authorization",
};

function withCors(response: Response): Response {
  for (const [k, v] of Object.entries(CORS_HEADERS)) response.headers.set(k, v);
  return response;
}

async function limited(client: PrismaClient, key: string, limit: number): Promise<Response | null> {
  const result = await hitRateLimit(queryRunner(client), key, limit, 60);
  if (result.allowed) return null;
  return problem(429, `More than ${limit} requests a minute. Wait ${result.retryAfterSeconds} seconds.`, { headers: { "Retry-After": String(result.retryAfterSeconds) } });
}

/** Who is asking, or the response that refuses them (401, 429). */
async function authenticate(request: Request, deps: ApiDeps): Promise<Audience | Response> {
  const address = requestClientAddress(request.headers);
  const limits = apiRateLimits();
  const header = request.headers.get("authorization");
  const challenge = { "WWW-Authenticate": 'Bearer realm="planregister"' };
  if (header !== null) {
    const match = /^Bearer ([^\s]{1,200})$/.exec(header.trim());
    const reader = match ? await verifyApiToken(match[1]!, new Date(), deps.client) : null;
    if (!reader) {
      // Guessing tokens costs the address's allowance.
      return (await limited(deps.client, `api:addr:${address}`, limits.address)) ?? problem(401, "The token is unknown, revoked or expired, or its user may no longer read the register.", { headers: { ...challenge, "WWW-Authenticate": 'Bearer realm="planregister", error="invalid_token"' } });
    }
    return (await limited(deps.client, `api:token:${reader.tokenId}`, limits.token)) ?? { kind: "reader", ...reader };
  }
  const refused = await limited(deps.client, `api:addr:${address}`, limits.address);
  if (refused) return refused;
  if (!(await deps.innsynEnabled())) return problem(401, "Innsyn is turned off: a personal API token is needed.", { headers: challenge });
  return PUBLIC;
}

/** A weak ETag over the body: equal bodies, equal tags, on every instance. */
export const etagOf = (body: string) => `W/"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;

function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").map((s) => s.trim()).some((t) => t === "*" || t === etag || `W/${t}` === etag);
}

/** Answers one GET of the API. */
export async function handleApi<Q extends z.ZodType>(request: Request, route: ApiRoute<Q>, rawPath: Record<string, string>, deps: ApiDeps): Promise<Response> {
  try {
    const url = new URL(request.url);
    const audience = await authenticate(request, deps);
    if (audience instanceof Response) return withCors(audience);
    let path: Record<string, unknown> = {};
    if (route.path) {
      const parsed = route.path.safeParse(rawPath);
      if (!parsed.success) {
        const params = invalidParams(parsed.error);
        return withCors(problem(400, `Bad path parameter: ${params?.map((p) => p.name).join(", ")}.`, { invalidParams: params }));
      }
      path = parsed.data as Record<string, unknown>;
    }
    const parsed = route.query.safeParse(searchParamsObject(url.searchParams));
    if (!parsed.success) {
      const params = invalidParams(parsed.error);
      return withCors(problem(400, `Bad query parameter: ${params?.map((p) => p.name).join(", ")}.`, { invalidParams: params }));
    }
    const load = () => route.load(audience, parsed.data, path, deps.client).then((value) => (value === null ? null : JSON.stringify(value)));
    // Only public answers are shared between readers; a token's answer depends on its user.
    const body = audience.kind === "public" ? await deps.cachePublic(`${url.pathname}?${url.searchParams}`, load) : await load();
    if (body === null) return withCors(problem(404, "There is nothing with this id (that you may see)."));
    const etag = etagOf(body);
    const headers = {
      ETag: etag,
      "Cache-Control": audience.kind === "public" ? "public, no-cache" : "private, no-cache",
      "Content-Type": "application/json; charset=utf-8",
    };
    if (matches(request.headers.get("if-none-match"), etag)) return withCors(new Response(null, { status: 304, headers }));
    return withCors(new Response(request.method === "HEAD" ? null : body, { status: 200, headers }));
  } catch (error) {
    if (error instanceof BadCursorError) return withCors(problem(400, "Bad query parameter: cursor.", { invalidParams: [{ name: "cursor", reason: "not a cursor from this list and sort" }] }));
    if (isDatabaseUnavailable(error)) return withCors(problem(503, "The database does not answer. Try again shortly.", { headers: { "Retry-After": "5" } }));
    console.error("API error", error);
    return withCors(problem(500, "Something went wrong on our side."));
  }
}

/** The answer to a CORS preflight. */
export const preflight = () => new Response(null, { status: 204, headers: { ...CORS_HEADERS, "Access-Control-Max-Age": "600" } });
