// Sending one planned mail: claim it, check it still applies, write it, send it, record the
// outcome. The claim is a conditional UPDATE, so two workers (or a retried job) never send one
// mail twice while the first holds it; a worker that died mid-send leaves a claim that expires
// after the lease, and the retried job sends it then (docs/decisions/028).
import { createHash } from "node:crypto";
import type { PrismaClient } from "../generated/prisma/client";
import type { MailDelivery, User } from "../generated/prisma/client";
import { isActivePlan } from "../plans/active";
import type { MailConfig } from "./config";
import { digestContent, reminderContent, summaryContent, testContent, translator, type Common } from "./content";
import { digestData, reminderData, summaryData } from "./content-data";
import { renderHtml, renderText, type MailContent } from "./layout";
import { mailBaseUrl, mailSettings } from "./settings";
import { sendMail, smtpErrorText } from "./transport";
import { unsubscribePagePath, unsubscribePostPath, unsubscribeToken, type UnsubscribableKind } from "./unsubscribe-token";

export const NOT_CONFIGURED = "not sent: no SMTP server configured";

/** An SMTP failure that pg-boss retries with back-off. */
export class RetryableMailError extends Error {}

export type Attempt = { retryCount: number; retryLimit: number };
export type DeliverResult = "sent" | "not_sent" | "cancelled" | "done_before" | "failed";

async function claim(db: PrismaClient, id: bigint, leaseSeconds: number): Promise<MailDelivery | null> {
  const rows = await db.$queryRaw<{ id: bigint }[]>`
    UPDATE mail_deliveries SET status = 'sending', attempts = attempts + 1, attempted_at = now()
    WHERE id = ${id} AND (status IN ('planned', 'retrying') OR (status = 'sending' AND attempted_at < now() - make_interval(secs => ${leaseSeconds})))
    RETURNING id`;
  return rows.length ? db.mailDelivery.findFirst({ where: { id } }) : null;
}

/** Why the mail no longer applies, or null. Checked at send time: the register may have changed since the scan. */
async function reasonToCancel(db: PrismaClient, d: MailDelivery, user: User | null): Promise<string | null> {
  if (d.kind === "test") return null;
  if (!user || !user.active) return "cancelled: the recipient is no longer an active user";
  if (d.kind === "weekly_digest") return user.mailWeeklyDigest && user.role !== "viewer" ? null : "cancelled: the recipient no longer gets the weekly digest";
  if (d.kind === "quarterly_summary") return user.mailQuarterlySummary ? null : "cancelled: the recipient no longer gets the quarterly summary";
  if (!user.mailOwnerReminders) return "cancelled: the recipient turned owners' reminders off";
  const plan = d.planId === null ? null : await db.plan.findFirst({ where: { id: d.planId }, select: { ownerId: true, revisionDueOn: true, archivedAt: true, status: true } });
  if (!plan) return "cancelled: the plan was deleted";
  if (!isActivePlan(plan)) return `cancelled: the plan is ${plan.archivedAt ? "archived" : plan.status === "opphevet" ? "repealed" : "replaced"}`;
  if (plan.ownerId !== d.recipientId) return "cancelled: the plan's owner changed";
  if (plan.revisionDueOn?.getTime() !== d.dueOn?.getTime()) return "cancelled: the plan's revision date changed";
  return null;
}

async function compose(db: PrismaClient, d: MailDelivery, user: User | null, senderName: string | null, baseUrl: string): Promise<MailContent | null> {
  const settings = await mailSettings(db);
  const common: Common = { locale: user?.mailLocale ?? "nb", baseUrl, municipality: settings.municipality, recipientName: user?.name ?? d.toAddress };
  switch (d.kind) {
    case "owner_reminder": {
      const data = await reminderData(db, d.planId!, d.dueOn!, d.asOf);
      return data && reminderContent(common, data);
    }
    case "weekly_digest":
      return digestContent(common, await digestData(db, d.asOf));
    case "quarterly_summary":
      return summaryContent(common, await summaryData(db, d.asOf));
    default:
      return testContent(common, senderName ?? "Planregister");
  }
}

const finish = (db: PrismaClient, id: bigint, data: Partial<Pick<MailDelivery, "status" | "lastError" | "messageId">>) =>
  db.mailDelivery.update({ where: { id }, data: { ...data, finishedAt: data.status === "retrying" ? null : new Date() } });

/**
 * Sends delivery `id` if it is still due. `attempt` is the job's retry state: on an SMTP failure
 * with retries left this throws RetryableMailError (the job is retried with back-off); on the
 * last attempt, or without a job (the admin's test mail), the mail is marked failed.
 */
export async function deliver(db: PrismaClient, config: MailConfig, id: bigint, attempt: Attempt | null, senderName: string | null = null): Promise<DeliverResult> {
  const d = await claim(db, id, config.leaseSeconds);
  if (!d) {
    const current = await db.mailDelivery.findFirst({ where: { id }, select: { status: true } });
    // Held by another worker within its lease: try again later rather than drop it.
    if (current?.status === "sending") throw new RetryableMailError("another worker is sending this mail");
    return "done_before";
  }
  const user = d.recipientId === null ? null : await db.user.findFirst({ where: { id: d.recipientId } });
  const cancel = await reasonToCancel(db, d, user);
  if (cancel) return (await finish(db, id, { status: "cancelled", lastError: cancel }), "cancelled");
  // Links on the tenant's own host (decision 058).
  const base = await mailBaseUrl(db);
  const content = await compose(db, d, user, senderName, base);
  if (!content) return (await finish(db, id, { status: "cancelled", lastError: "cancelled: the plan was deleted" }), "cancelled");

  const unsubscribe = d.kind === "test" || !user ? undefined : unsubscribeLinks(base, user.id, d.kind, translator(user.mailLocale)("mail.unsubscribe"));
  const text = renderText(content, unsubscribe?.body);
  const html = renderHtml(content, unsubscribe?.body);
  const to = user?.email ?? d.toAddress;
  // The same Message-ID on every attempt: a receiver that saw an earlier attempt can tell.
  const host = new URL(base).hostname || "planregister";
  const messageId = `<mail-${d.id}-${createHash("sha256").update(d.dedupeKey).digest("hex").slice(0, 12)}@${host}>`;
  await db.mailDelivery.update({ where: { id }, data: { subject: content.subject, textBody: text, htmlBody: html, toAddress: to, messageId } });
  if (!config.smtpUrl) return (await finish(db, id, { status: "not_sent", lastError: NOT_CONFIGURED }), "not_sent");

  const headers: Record<string, string> = { "Auto-Submitted": "auto-generated" };
  if (unsubscribe) Object.assign(headers, { "List-Unsubscribe": `<${unsubscribe.post}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
  try {
    await sendMail(config, { to, subject: content.subject, text, html, messageId, headers });
  } catch (error) {
    const reason = smtpErrorText(error);
    const last = !attempt || attempt.retryCount >= attempt.retryLimit;
    await finish(db, id, { status: last ? "failed" : "retrying", lastError: reason });
    if (last) return "failed";
    throw new RetryableMailError(reason);
  }
  await finish(db, id, { status: "sent", lastError: null });
  return "sent";
}

function unsubscribeLinks(base: string, userId: number, kind: UnsubscribableKind, text: string) {
  const token = unsubscribeToken(userId, kind);
  return { body: { text, href: `${base}${unsubscribePagePath(token)}` }, post: `${base}${unsubscribePostPath(token)}` };
}
