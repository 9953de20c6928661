// Making and revoking personal API tokens, each in one transaction with its audit row. The token
// is returned once and never stored or logged: only its SHA-256 is kept.
import "server-only";
import { db } from "../db";
import { recordAudit } from "../audit";
import { DomainError } from "../errors";
import { hashToken, newSecretToken } from "../auth/secret-token";
import { todayInOslo } from "../dates";
import { API_TOKEN_PREFIX, MAX_TOKENS_PER_USER } from "./schema";

/** A new token for the user; `expiresOn` (a day, inclusive in Oslo time) must not be in the past. */
export async function createApiToken(userId: number, input: { name: string; expiresOn: Date | null }, now = new Date()) {
  if (input.expiresOn && input.expiresOn < todayInOslo(now)) throw new DomainError("invalid", "tokenExpiryPast", "expiresOn");
  const secret = `${API_TOKEN_PREFIX}${newSecretToken().token}`;
  // The day's end in Norway, generously (UTC+2 at most): the token works through the day named.
  const expiresAt = input.expiresOn ? new Date(input.expiresOn.getTime() + 22 * 3600_000) : null;
  return db.$transaction(async (tx) => {
    const live = await tx.apiToken.count({ where: { userId, revokedAt: null } });
    if (live >= MAX_TOKENS_PER_USER) throw new DomainError("invalid", "tokenLimit", "name");
    const row = await tx.apiToken.create({ data: { userId, name: input.name, tokenHash: hashToken(secret), expiresAt }, select: { id: true } });
    await recordAudit(tx, { type: "api_token.created", actorId: userId, userId, tokenId: row.id, name: input.name });
    return { id: row.id, token: secret };
  });
}

/** Revokes one of the user's own tokens; false if it is not theirs or already revoked. */
export async function revokeApiToken(userId: number, id: number): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({ where: { id, userId, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count > 0) await recordAudit(tx, { type: "api_token.revoked", actorId: userId, userId, tokenId: id });
    return count > 0;
  });
}

/** The user's tokens for the account page, live first (revoked ones are kept for the record). */
export function listApiTokens(userId: number) {
  return db.apiToken.findMany({
    where: { userId },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    take: 50,
    select: { id: true, name: true, createdAt: true, expiresAt: true, lastUsedAt: true, revokedAt: true },
  });
}
