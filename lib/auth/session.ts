// Sessions: a next-auth JWT in an HttpOnly cookie names a row in `sessions`; every request checks
// that row, the user and the session version in PostgreSQL, so revocation, sign-out and the idle
// timeout hold at once and across app instances.
import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { db } from "../db";
import { knowRegisterVersion } from "../register-cache";
import type { Role } from "../permissions";
import { authSecret, secureCookies, sessionCookieName, sessionIdleSeconds, sessionMaxAgeSeconds } from "./settings";
import { createSessionRow, encodeSessionToken, type SessionClient, type SessionMethod } from "./session-token";

export type CurrentUser = { id: number; email: string; name: string; role: Role; sessionId: string };

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
export async function readSessionToken(token: string | undefined): Promise<{ userId: number; sessionId: string; sessionVersion: number } | null> {
  if (!token) return null;
  const payload = await decode({ token, secret: authSecret() }).catch(() => null);
  if (!payload || typeof payload.sid !== "string" || typeof payload.sv !== "number" || !payload.sub) return null;
  return { userId: Number(payload.sub), sessionId: payload.sid, sessionVersion: payload.sv };
}

/**
 * Last use is written at most once per touch interval (a tenth of the idle limit, at most a
 * minute), so the stored time may lag the real last use by up to one interval. A session ends
 * only when even the latest possible last use is older than the idle limit: never earlier.
 */
export function idleRule(idleSeconds = sessionIdleSeconds()): { touchAfterMs: number; endAfterMs: number } {
  const touchAfterMs = Math.min(60_000, (idleSeconds * 1000) / 10);
  return { touchAfterMs, endAfterMs: idleSeconds * 1000 + touchAfterMs };
}

/**
 * The user behind a session cookie, or null when the session is unknown, revoked, expired, idle
 * too long, or its user is deactivated or has a newer session version.
 */
export async function resolveSession(token: string | undefined, now = new Date()): Promise<CurrentUser | null> {
  const claims = await readSessionToken(token);
  // One statement for the session, its user and the register's version (decision 059): each lone
  // query is a transaction of its own with the tenant set, so a second one costs four round trips.
  const id = claims && UUID.test(claims.sessionId) ? claims.sessionId : null;
  const [row] = await db.$queryRaw<SessionRow[]>`
    SELECT (SELECT version FROM data_versions WHERE name = 'register') AS "registerVersion",
           s.user_id AS "userId", s.session_version AS "sessionVersion", s.last_seen_at AS "lastSeenAt",
           s.expires_at AS "expiresAt", s.revoked_at AS "revokedAt",
           u.email, u.name, u.role::text AS role, u.active, u.session_version AS "userSessionVersion"
    FROM (SELECT 1) AS one
    LEFT JOIN sessions s ON s.id = ${id}::uuid
    LEFT JOIN users u ON u.tenant_id = s.tenant_id AND u.id = s.user_id`;
  knowRegisterVersion(row?.registerVersion ?? 0n);
  if (!claims || !id || !row || row.userId === null) return null;
  const session = row;
  if (session.userId !== claims.userId || session.revokedAt) return null;
  if (session.expiresAt! <= now) return null;
  const { touchAfterMs, endAfterMs } = idleRule();
  if (now.getTime() - session.lastSeenAt!.getTime() > endAfterMs) return null;
  if (!session.active || session.userSessionVersion !== claims.sessionVersion || session.sessionVersion !== claims.sessionVersion) return null;
  if (now.getTime() - session.lastSeenAt!.getTime() > touchAfterMs) {
    await db.session.updateMany({ where: { id, lastSeenAt: { lt: new Date(now.getTime() - touchAfterMs) } }, data: { lastSeenAt: now } });
  }
  return { id: session.userId, email: session.email!, name: session.name!, role: session.role as Role, sessionId: id };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type SessionRow = {
  registerVersion: bigint | null;
  userId: number | null; sessionVersion: number | null; lastSeenAt: Date | null; expiresAt: Date | null; revokedAt: Date | null;
  email: string | null; name: string | null; role: string | null; active: boolean | null; userSessionVersion: number | null;
};

/** The signed-in user of this request (checked once per request), or null. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  return resolveSession((await cookies()).get(sessionCookieName())?.value);
});
