// A production build sets Secure (and __Host-) session cookies; a browser drops them over plain
// http on anything but localhost, and sign-in then silently bounces back to /login.
import { requestClientProtocol } from "./client-address";
import { secureCookies } from "./settings";

type HeaderReader = { get(name: string): string | null };

// *.localhost too: browsers resolve it to loopback and treat it as a secure context (several tenants on one machine).
const LOCAL_HOSTS = /^(localhost|[a-z0-9-]+(\.[a-z0-9-]+)*\.localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/i;

/** True when this request came over http from a non-local host while cookies require https. */
export function cookiesNeedHttps(headers: HeaderReader, secure = secureCookies()): boolean {
  if (!secure || requestClientProtocol(headers) !== "http") return false;
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? "";
  return !LOCAL_HOSTS.test(host);
}
