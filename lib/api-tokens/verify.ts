// Who a bearer token belongs to, checked on every request: an unknown, revoked or expired token,
// and a token whose user is deactivated or may no longer read, all get the same null.
import "server-only";
import { db } from "../db";
import type { PrismaClient } from "../generated/prisma/client";
import { recordAudit } from "../audit";
import { can, type Permission } from "../permissions";
import { hashToken } from "../auth/secret-token";
import { apiTokenSchema } from "./schema";

// Last use is written at most once a minute per token: one write per request would serialise readers.
const TOUCH_MS = 60_000;

/** The token's reader (whose role must have `permission`), or null. The first use is audited; last use is kept to the minute. */
export async function verifyApiToken(token: string, now = new Date(), client: PrismaClient = db, permission: Permission = "plan.read"): Promise<{ userId: number; tokenId: number } | null> {
  if (!apiTokenSchema.safeParse(token).success) return null;
  const row = await client.apiToken.findFirst({
    where: { tokenHash: hashToken(token) },
    select: { id: true, revokedAt: true, expiresAt: true, lastUsedAt: true, user: { select: { id: true, active: true, role: true } } },
  });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return null;
  if (!row.user.active || !can(row.user.role, permission)) return null;
  if (!row.lastUsedAt) {
    await client.$transaction(async (tx) => {
      const { count } = await tx.apiToken.updateMany({ where: { id: row.id, lastUsedAt: null }, data: { lastUsedAt: now } });
      // Two first requests at once: only the one that set last use writes the audit row.
      if (count > 0) await recordAudit(tx, { type: "api_token.first_used", actorId: row.user.id, userId: row.user.id, tokenId: row.id });
    });
  } else if (now.getTime() - row.lastUsedAt.getTime() > TOUCH_MS) {
    await client.apiToken.updateMany({ where: { id: row.id, lastUsedAt: { lt: new Date(now.getTime() - TOUCH_MS) } }, data: { lastUsedAt: now } });
  }
  return { userId: row.user.id, tokenId: row.id };
}
