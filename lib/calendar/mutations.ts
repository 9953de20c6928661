// A user's feed link. Each change runs in one transaction with its audit row; the token is
// returned once and never stored or logged (only its hash is kept).
import "server-only";
import { db } from "../db";
import { recordAudit } from "../audit";
import { newSecretToken } from "../auth/secret-token";

/** Makes a new link for the user, replacing any earlier one (which stops working at once). */
export async function renewCalendarLink(userId: number): Promise<{ token: string; replaced: boolean }> {
  const { token, hash } = newSecretToken();
  return db.$transaction(async (tx) => {
    const replaced = (await tx.calendarFeed.updateMany({ where: { userId }, data: { tokenHash: hash, createdAt: new Date() } })).count > 0;
    if (!replaced) await tx.calendarFeed.create({ data: { userId, tokenHash: hash } });
    await recordAudit(tx, { type: "calendar.link_renewed", actorId: userId, userId });
    return { token, replaced };
  });
}

/** Turns the user's link off; true if there was one. */
export async function revokeCalendarLink(userId: number): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.calendarFeed.deleteMany({ where: { userId } });
    if (count > 0) await recordAudit(tx, { type: "calendar.link_revoked", actorId: userId, userId });
    return count > 0;
  });
}
