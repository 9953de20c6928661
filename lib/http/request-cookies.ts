// The request's cookies as the edge must see them to agree with Next.js (scripts/server.ts, the
// page cache). Free of Next.js: the edge runs before it.
import { defaultLocale, isLocale, localeCookie, locales, type Locale } from "../i18n/config";

/**
 * The cookies as Next.js parses them for `cookies()` and `request.cookies` (parseCookie in
 * next/dist/compiled/@edge-runtime/cookies), from the trimmed header: pairs split at ";" and the
 * spaces after it, the name everything before the first "=" (untrimmed), the value
 * percent-decoded, a pair that does not decode skipped, a pair without "=" worth "true", and a
 * later pair of a name replacing an earlier.
 */
export function parseRequestCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  // The header as Node and Headers give it: without surrounding whitespace.
  for (const pair of (header ?? "").trim().split(/; */)) {
    if (!pair) continue;
    const at = pair.indexOf("=");
    if (at === -1) {
      cookies.set(pair, "true");
      continue;
    }
    try {
      cookies.set(pair.slice(0, at), decodeURIComponent(pair.slice(at + 1)));
    } catch {
      // Next.js skips it too.
    }
  }
  return cookies;
}

/** The UI language next-intl will render in (lib/i18n/request.ts reads the same cookie). */
export function requestLocale(header: string | undefined): Locale {
  const value = parseRequestCookies(header).get(localeCookie);
  return isLocale(value) ? value : defaultLocale;
}

/**
 * Whether the language cookie is written so that parsers may disagree on it: named more than once
 * (Next.js takes the last, others the first), percent-encoded, quoted or padded. Such a request's
 * page is not shared: a page in one language must never be kept under the other's key.
 */
export function ambiguousLocaleCookie(header: string | undefined): boolean {
  const pairs = (header ?? "").split(/; */).filter((pair) => pair.split("=")[0]!.trim().toUpperCase() === localeCookie);
  if (pairs.length === 0) return false;
  return pairs.length > 1 || !locales.some((locale) => pairs[0] === `${localeCookie}=${locale}`);
}

// Our session cookie (planregister.session, __Host- in production; lib/auth/settings.ts) and
// next-auth's own (next-auth.session-token, __Secure-, chunked .0 .1 …): any name with "session".
const SESSION_COOKIE = /session/i;

/** Whether the request carries anything that may be a session: its answer is that user's alone. */
export const carriesSessionCookie = (header: string | undefined) =>
  (header ?? "").split(";").some((pair) => SESSION_COOKIE.test(pair.split("=")[0]!));
