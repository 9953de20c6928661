// Runs before every page: a fresh CSP nonce, and a redirect to sign-in for signed-out visitors
// navigating to a page. It only redirects: every page, action and route handler checks the
// session and role itself (CVE-2025-29927 showed this layer can be skipped).
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "./lib/security-headers";
import { sessionCookieName } from "./lib/auth/settings";

// The calendar feed is reached by calendar apps without cookies; its secret link is checked by the handler.
// Innsyn, the read API and its documentation, the sitemap and robots.txt are public: each page and
// handler checks itself whether innsyn is on, or the API token.
const PUBLIC_PREFIXES = ["/login", "/set-password/", "/api/auth/", "/api/calendar/", "/api/health", "/innsyn/", "/api/v1/", "/api/docs"];
const PUBLIC_PATHS = new Set(["/innsyn", "/sitemap.xml", "/robots.txt"]);

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  const { pathname, search } = request.nextUrl;

  const isPublic = PUBLIC_PATHS.has(pathname) || PUBLIC_PREFIXES.some((p) => pathname === p || pathname.startsWith(p));
  const navigating = request.method === "GET" || request.method === "HEAD";
  if (navigating && !isPublic && !request.cookies.has(sessionCookieName())) {
    const login = new URL("/login", request.url);
    login.searchParams.set("next", `${pathname}${search}`);
    return NextResponse.redirect(login);
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  requestHeaders.set("x-planregister-path", `${pathname}${search}`);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
