// Creating a session: the row and the cookie value. Free of request context, so e2e fixtures and
// scripts can start sessions the same way the app does.
import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import type { PrismaClient } from "../generated/prisma/client";

export type SessionMethod = "password" | "oidc";
export type SessionClient = Pick<PrismaClient, "session">;
/** The claims our session cookie carries: user, session row and the user's session version. */
export type SessionClaims = { sub: string; sid: string; sv: number };

/** Records a new session for a user; returns the claims for its cookie. */
export async function createSessionRow(
  client: SessionClient,
  user: { id: number; sessionVersion: number },
  method: SessionMethod,
  maxAgeSeconds: number,
): Promise<{ claims: SessionClaims; expiresAt: Date }> {
  const sessionId = randomUUID();
  const expiresAt = new Date(Date.now() + maxAgeSeconds * 1000);
  await client.session.create({ data: { id: sessionId, userId: user.id, sessionVersion: user.sessionVersion, expiresAt, method } });
  return { claims: { sub: String(user.id), sid: sessionId, sv: user.sessionVersion }, expiresAt };
}

/** The cookie value: next-auth's encrypted JWT. */
export function encodeSessionToken(claims: SessionClaims, secret: string, maxAgeSeconds: number): Promise<string> {
  return encode({ token: claims, secret, maxAge: maxAgeSeconds });
}
