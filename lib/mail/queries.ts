// Reads for the account page's mail choices and the admin's mail log (a page at a time).
import "server-only";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import type { MailLogParams } from "./schema";

export const MAIL_LOG_PAGE_SIZE = 50;

/** The user's mail choices, or null. */
export function getMailPreferences(userId: number) {
  return db.user.findFirst({ where: { id: userId }, select: { mailOwnerReminders: true, mailWeeklyDigest: true, mailQuarterlySummary: true, mailLocale: true } });
}

/** One page of the mail log, newest first, with the total under the filter. */
export async function getMailLogPage(params: MailLogParams) {
  const where: Prisma.MailDeliveryWhereInput = params.status ? { status: params.status } : {};
  const total = await db.mailDelivery.count({ where });
  const pages = Math.max(1, Math.ceil(total / MAIL_LOG_PAGE_SIZE));
  const page = Math.min(params.page, pages);
  const rows = await db.mailDelivery.findMany({
    where,
    orderBy: [{ plannedAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * MAIL_LOG_PAGE_SIZE,
    take: MAIL_LOG_PAGE_SIZE,
    select: { id: true, kind: true, status: true, toAddress: true, subject: true, attempts: true, lastError: true, plannedAt: true, finishedAt: true, planId: true },
  });
  return { rows, total, page, pages };
}
export type MailLogRow = Awaited<ReturnType<typeof getMailLogPage>>["rows"][number];
