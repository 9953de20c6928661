// One-click unsubscribe links: the token names the user and the kind of mail and is signed with
// NEXTAUTH_SECRET (HMAC-SHA256), so it needs no sign-in and cannot be made for someone else.
import { createHmac, timingSafeEqual } from "node:crypto";

export const unsubscribableKinds = ["owner_reminder", "weekly_digest", "quarterly_summary"] as const;
export type UnsubscribableKind = (typeof unsubscribableKinds)[number];

function secret(): string {
  const value = process.env.NEXTAUTH_SECRET;
  if (!value) throw new Error("NEXTAUTH_SECRET is not set.");
  return value;
}

const sign = (payload: string) => createHmac("sha256", secret()).update(`mail-unsubscribe:${payload}`).digest("base64url");

/** "<userId>.<kind>.<signature>", safe in a URL path. */
export function unsubscribeToken(userId: number, kind: UnsubscribableKind): string {
  const payload = `${userId}.${kind}`;
  return `${payload}.${sign(payload)}`;
}

/** The user and kind a token names, or null when it is malformed or not ours. */
export function readUnsubscribeToken(token: string): { userId: number; kind: UnsubscribableKind } | null {
  if (token.length > 200) return null;
  const match = /^(\d{1,9})\.([a-z_]+)\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const [, id, kind, signature] = match;
  if (!(unsubscribableKinds as readonly string[]).includes(kind!)) return null;
  const expected = Buffer.from(sign(`${id}.${kind}`));
  const given = Buffer.from(signature!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { userId: Number(id), kind: kind as UnsubscribableKind };
}

/** The path of the unsubscribe page (GET shows a button) and of the RFC 8058 one-click POST. */
export const unsubscribePagePath = (token: string) => `/unsubscribe/${token}`;
export const unsubscribePostPath = (token: string) => `/api/unsubscribe/${token}`;
