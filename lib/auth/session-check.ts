// The session check itself, free of Next.js and Prisma: the one statement and the rules it is
// judged by. The app's getCurrentUser (lib/auth/session.ts) and the HTTP edge's cache of
// signed-in pages (lib/http/session-page-cache.ts) both use it, so a session the page would
// refuse is refused by the edge in exactly the same way.
import { decode } from "next-auth/jwt";
import type { Role } from "../permissions";
import { sessionIdleSeconds } from "./settings";

export type SessionClaims = { userId: number; sessionId: string; sessionVersion: number };

/** The user a session stands for, once every rule below has passed. */
export type CheckedSession = { id: number; email: string; name: string; role: Role; sessionId: string };

/**
 * One statement for the session, its user and the register's version (decision 059): each lone
 * query is a transaction of its own with the tenant set, so a second one costs its round trips.
 * `$1` is the session id (a uuid) or null. Row-level security keeps it in the request's tenant.
 */
export const SESSION_CHECK_SQL = `
    SELECT (SELECT version::text FROM data_versions WHERE name = 'register') AS "registerVersion",
           s.user_id AS "userId", s.session_version AS "sessionVersion", s.last_seen_at AS "lastSeenAt",
           s.expires_at AS "expiresAt", s.revoked_at AS "revokedAt",
           u.email, u.name, u.role::text AS role, u.active, u.session_version AS "userSessionVersion"
    FROM (SELECT 1) AS one
    LEFT JOIN sessions s ON s.id = $1::uuid
    LEFT JOIN users u ON u.tenant_id = s.tenant_id AND u.id = s.user_id`;

export type SessionRow = {
  registerVersion: string | null;
  userId: number | null; sessionVersion: number | null; lastSeenAt: Date | null; expiresAt: Date | null; revokedAt: Date | null;
  email: string | null; name: string | null; role: string | null; active: boolean | null; userSessionVersion: number | null;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The payload of a session cookie, or null if it is not one of ours (or names no well-formed session). */
export async function readSessionToken(token: string | undefined, secret: string): Promise<SessionClaims | null> {
  if (!token) return null;
  const payload = await decode({ token, secret }).catch(() => null);
  if (!payload || typeof payload.sid !== "string" || typeof payload.sv !== "number" || !payload.sub) return null;
  if (!UUID.test(payload.sid)) return null;
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
 * The session's user, or null when the session is unknown, revoked, expired, idle too long, or
 * its user is deactivated or has a newer session version; `touch` says its last use is due to be
 * written.
 */
export function judgeSession(claims: SessionClaims | null, row: SessionRow | undefined, now = new Date()): { user: CheckedSession; touch: boolean } | null {
  if (!claims || !row || row.userId === null) return null;
  if (row.userId !== claims.userId || row.revokedAt) return null;
  if (row.expiresAt! <= now) return null;
  const { touchAfterMs, endAfterMs } = idleRule();
  const idleMs = now.getTime() - row.lastSeenAt!.getTime();
  if (idleMs > endAfterMs) return null;
  if (!row.active || row.userSessionVersion !== claims.sessionVersion || row.sessionVersion !== claims.sessionVersion) return null;
  return {
    user: { id: row.userId, email: row.email!, name: row.name!, role: row.role as Role, sessionId: claims.sessionId },
    touch: idleMs > touchAfterMs,
  };
}
