// The request's cookies as the edge must see them (scripts/server.ts, the page cache).
// Free of Next.js: the edge runs before it.

// Our session cookie (planregister.session, __Host- in production; lib/auth/settings.ts) and
// next-auth's own (next-auth.session-token, __Secure-, chunked .0 .1 …): any name with "session".
const SESSION_COOKIE = /session/i;

/** Whether the request carries anything that may be a session: its answer is that user's alone. */
export const carriesSessionCookie = (header: string | undefined) =>
  (header ?? "").split(";").some((pair) => SESSION_COOKIE.test(pair.split("=")[0]!));
