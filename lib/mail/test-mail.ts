// The admin's test mail: planned and sent at once through the same path as every mail (so it is
// in the log), without retries — the admin wants to know now whether SMTP works.
import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "../db";
import { recordAudit } from "../audit";
import { todayInOslo } from "../dates";
import { mailConfig } from "./config";
import { deliver } from "./deliver";

/** Sends a test mail to `to`; the outcome and, on failure, the server's reason. */
export async function sendTestMail(to: string, sender: { id: number; name: string }) {
  const delivery = await db.$transaction(async (tx) => {
    const created = await tx.mailDelivery.create({ data: { dedupeKey: `test:${randomUUID()}`, kind: "test", step: "test", toAddress: to, asOf: todayInOslo() } });
    await recordAudit(tx, { type: "mail.test_requested", actorId: sender.id, to });
    return created;
  });
  const result = await deliver(db, mailConfig(), delivery.id, null, sender.name);
  const row = await db.mailDelivery.findFirstOrThrow({ where: { id: delivery.id }, select: { lastError: true } });
  return { result, error: row.lastError };
}
