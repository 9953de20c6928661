// Checks made on every request before Next.js sees it (scripts/server.ts), for the cases where
// Next.js itself would answer 500: a body over the limit, a server-action POST from a foreign
// origin. Pure functions of the request line and headers, so tests can drive them directly.
import { contentSecurityPolicyWithoutNonce } from "../security-headers";

/** The largest request body the app accepts (server actions included; next.config.js agrees). */
export const BODY_LIMIT_BYTES = 2 * 1024 * 1024;

/** The spreadsheet upload (10 MB files, lib/import/upload.ts) may send more; its handler counts too. */
export const UPLOAD_PATH = "/plans/import/upload";
export const UPLOAD_BODY_LIMIT_BYTES = 12 * 1024 * 1024;

/**
 * A refused body up to this size is read and thrown away before the 413 goes out (for at most
 * DRAIN_SECONDS): clients write the whole body before they read the answer, and closing while they
 * write gives them a broken pipe instead of the message — nginx's "lingering close". Larger bodies
 * are answered at once and the connection closed.
 */
export const DRAIN_LIMIT_BYTES = 32 * 1024 * 1024;
export const DRAIN_SECONDS = 10;

export type EdgeRefusal = { status: 400 | 403 | 413; messageKey: "notNormalised" | "foreignOrigin" | "tooLarge"; retryAfterSeconds?: number };

type Headers = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Pages and server actions; route handlers under /api/ (next-auth's callbacks) check their own. */
const isAppWrite = (method: string, path: string) => WRITE_METHODS.has(method) && !path.startsWith("/api/");

/**
 * Whether the request target's path is the one Next.js will route: Next.js resolves it by the
 * URL standard ("..", ".", "%2e%2e", ".%2e", "\\" as "/"), browsers send it resolved, and the edge
 * (the page cache above all) must decide on the path that is rendered. Not a path ("*", absolute
 * form): nothing here decides on it.
 */
export function isNormalisedPath(target: string): boolean {
  if (!target.startsWith("/")) return true;
  try {
    return new URL(`http://edge.invalid${target}`).pathname === target.split("?")[0];
  } catch {
    return false;
  }
}

/** The refusal for a request that must not reach Next.js, or null. */
export function refuseRequest(method: string, path: string, headers: Headers): EdgeRefusal | null {
  if (!isNormalisedPath(path)) return { status: 400, messageKey: "notNormalised" };
  const length = Number(first(headers["content-length"]) ?? 0);
  const limit = method === "POST" && path.split("?")[0] === UPLOAD_PATH ? UPLOAD_BODY_LIMIT_BYTES : BODY_LIMIT_BYTES;
  if (WRITE_METHODS.has(method) && Number.isFinite(length) && length > limit) return { status: 413, messageKey: "tooLarge" };
  if (isAppWrite(method, path) && !sameOrigin(first(headers.origin), first(headers["x-forwarded-host"]) ?? first(headers.host))) {
    return { status: 403, messageKey: "foreignOrigin" };
  }
  return null;
}

// As Next.js compares them for server actions: the Origin's host against the forwarded or real
// Host. No Origin (old clients, same-origin navigations in some browsers) is left to Next.js.
function sameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (!origin) return true;
  if (!host) return false;
  try {
    return new URL(origin).host.toLowerCase() === host.toLowerCase();
  } catch {
    return false;
  }
}

/** The CSP for responses that do not pass proxy.ts (static files, redirects, bare 404s). */
export const fallbackContentSecurityPolicy = () => contentSecurityPolicyWithoutNonce();
