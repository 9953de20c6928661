// A user's mail choices: set on the account page, or one kind turned off by an unsubscribe link.
// Each change writes its audit row in the same transaction.
import type { PrismaClient } from "../generated/prisma/client";
import type { MailLocale } from "../generated/prisma/enums";
import { recordAudit } from "../audit";
import type { UnsubscribableKind } from "./unsubscribe-token";

export type MailPreferences = { mailOwnerReminders: boolean; mailWeeklyDigest: boolean; mailQuarterlySummary: boolean; mailLocale: MailLocale };

const select = { mailOwnerReminders: true, mailWeeklyDigest: true, mailQuarterlySummary: true, mailLocale: true } as const;

const column: Record<UnsubscribableKind, keyof Omit<MailPreferences, "mailLocale">> = {
  owner_reminder: "mailOwnerReminders",
  weekly_digest: "mailWeeklyDigest",
  quarterly_summary: "mailQuarterlySummary",
};

/** Saves `prefs` for `userId` (changed by `actorId`; null for an unsubscribe link). Returns false if the user is gone. */
export async function setMailPreferences(db: PrismaClient, userId: number, prefs: Partial<MailPreferences>, actorId: number | null): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select });
    if (!before) return false;
    const after = { ...before, ...prefs };
    if (JSON.stringify(after) === JSON.stringify(before)) return true;
    await tx.user.update({ where: { id: userId }, data: after });
    await recordAudit(tx, { type: "user.mail_preferences_changed", actorId, userId, before, after });
    return true;
  });
}

/** Turns one kind of mail off for a user (the one-click unsubscribe). */
export const unsubscribe = (db: PrismaClient, userId: number, kind: UnsubscribableKind) => setMailPreferences(db, userId, { [column[kind]]: false }, null);
