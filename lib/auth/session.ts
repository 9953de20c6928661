// Sessions: a next-auth JWT in an HttpOnly cookie names a row in `sessions`; every request checks
// that row, the user and the session version in PostgreSQL, so revocation, sign-out and the idle
// timeout hold at once and across app instances.
import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { db } from "../db";
import { knowRegisterVersion } from "../register-cache";
import { authSecret, secureCookies, sessionCookieName, sessionMaxAgeSeconds } from "./settings";
import { idleRule, judgeSession, readSessionToken as readToken, SESSION_CHECK_SQL, type CheckedSession, type SessionRow } from "./session-check";
import { createSessionRow, encodeSessionToken, type SessionClient, type SessionMethod } from "./session-token";

export type CurrentUser = CheckedSession;

/** Starts a session for a user and returns the cookie value (next-auth's JWT format). */
export async function issueSession(
  user: { id: number; sessionVersion: number },
  method: SessionMethod,
  client: SessionClient = db,
): Promise<{ token: string; sessionId: string; expiresAt: Date }> {
  const maxAge = sessionMaxAgeSeconds();
  const { claims, expiresAt } = await createSessionRow(client, user, method, maxAge);
  const token = await encodeSessionToken(claims, authSecret(), maxAge);
  return { token, sessionId: claims.sid, expiresAt };
}

/** Sets the session cookie (server actions and route handlers only). */
export async function setSessionCookie(token: string, expiresAt: Date): Promise<void> {
  (await cookies()).set(sessionCookieName(), token, { httpOnly: true, sameSite: "lax", secure: secureCookies(), path: "/", expires: expiresAt });
}

export async function clearSessionCookie(): Promise<void> {
  (await cookies()).set(sessionCookieName(), "", { httpOnly: true, sameSite: "lax", secure: secureCookies(), path: "/", maxAge: 0 });
}


/** The payload of a session cookie, or null if it is not one of ours. */
export const readSessionToken = (token: string | undefined) => readToken(token, authSecret());

/**
 * The user behind a session cookie, or null when the session is unknown, revoked, expired, idle
 * too long, or its user is deactivated or has a newer session version (lib/auth/session-check.ts).
 */
export async function resolveSession(token: string | undefined, now = new Date()): Promise<CurrentUser | null> {
  const claims = await readSessionToken(token);
  const [row] = await db.$queryRawUnsafe<SessionRow[]>(SESSION_CHECK_SQL, claims?.sessionId ?? null);
  knowRegisterVersion(BigInt(row?.registerVersion ?? 0));
  const checked = judgeSession(claims, row, now);
  if (!checked) return null;
  if (checked.touch) {
    const { touchAfterMs } = idleRule();
    await db.session.updateMany({ where: { id: checked.user.sessionId, lastSeenAt: { lt: new Date(now.getTime() - touchAfterMs) } }, data: { lastSeenAt: now } });
  }
  return checked.user;
}

/** The signed-in user of this request (checked once per request), or null. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  return resolveSession((await cookies()).get(sessionCookieName())?.value);
});
