// Writes about one's own credentials. Each runs in one transaction with its audit row.
import "server-only";
import { db } from "../db";
import { recordAudit } from "../audit";
import { DomainError } from "../errors";
import { hashPassword, verifyPassword } from "./password";
import { hashToken } from "./secret-token";
import { issueSession } from "./session";

/** The user a valid, unused, unexpired token belongs to, or null. */
export async function findTokenUser(token: string) {
  const row = await db.passwordToken.findFirst({ where: { tokenHash: hashToken(token) }, include: { user: true } });
  if (!row || row.usedAt || row.expiresAt <= new Date() || !row.user.active) return null;
  return row.user;
}

/** Sets the password from a one-time link; ends the user's other sessions. */
export async function setPasswordWithToken(token: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const claimed = await tx.passwordToken.updateMany({
      where: { tokenHash: hashToken(token), usedAt: null, expiresAt: { gt: new Date() }, user: { active: true } },
      data: { usedAt: new Date() },
    });
    if (claimed.count !== 1) throw new DomainError("not_found", "tokenInvalid", "password");
    const row = await tx.passwordToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    await tx.user.update({ where: { id: row.userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await tx.session.updateMany({ where: { userId: row.userId, revokedAt: null }, data: { revokedAt: new Date() } });
    await recordAudit(tx, { type: "auth.password_set", actorId: row.userId, userId: row.userId });
  });
}

/**
 * Changes the signed-in user's password after checking the current one; ends every session and
 * starts a new one for this browser.
 */
export async function changeOwnPassword(userId: number, current: string, password: string) {
  const user = await db.user.findFirstOrThrow({ where: { id: userId } });
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, current))) {
    throw new DomainError("invalid", "currentPasswordWrong", "current");
  }
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const updated = await tx.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
    await recordAudit(tx, { type: "auth.password_changed", actorId: userId, userId });
    return issueSession(updated, "password", tx);
  });
}

/** Ends one session (sign-out). */
export async function endSession(sessionId: string, userId: number): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
    await recordAudit(tx, { type: "auth.signed_out", actorId: userId });
  });
}
