// Owners' reminders end to end: the scan plans, pg-boss carries the job, nodemailer sends to a
// real SMTP server in this process, and the test reads what arrived. The clock is a parameter.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMonths, addDays, isoDate } from "../lib/dates";
import { deliver } from "../lib/mail/deliver";
import { SEND_QUEUE } from "../lib/mail/plan";
import { readUnsubscribeToken } from "../lib/mail/unsubscribe-token";
import { unsubscribe } from "../lib/mail/preferences";
import { startMailWorker, type MailWorker } from "../lib/mail/worker";
import type { PrismaClient } from "../lib/prisma-client";
import { mailDatabase } from "./support/mail-db";
import { startTestSmtp, type TestSmtp } from "./support/smtp";

const BASE = "https://planer.test.kommune.no";
let smtp: TestSmtp;
let database: Awaited<ReturnType<typeof mailDatabase>>;
let db: PrismaClient;
let worker: MailWorker;

beforeAll(async () => {
  smtp = await startTestSmtp(2541);
  Object.assign(process.env, { SMTP_URL: smtp.url, MAIL_FROM: "Planregister <plan@test.kommune.no>", NEXTAUTH_URL: BASE, MAIL_RETRY_DELAY_SECONDS: "1", MAIL_LEASE_SECONDS: "3", MAIL_RETRY_LIMIT: "3" });
  database = await mailDatabase();
  db = database.db;
  worker = await startMailWorker({ url: database.url, db, work: false, log: () => {} });
});

afterAll(async () => {
  await worker?.stop();
  await database?.close();
  await smtp?.close();
});

async function owner(data: { mailLocale?: "nb" | "en"; name?: string } = {}) {
  return db.user.create({ data: { email: `eier-${randomUUID().slice(0, 8)}@test.kommune.no`, name: data.name ?? "Kari Eier", role: "editor", mailLocale: data.mailLocale ?? "nb" } });
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
// 07:00 in Oslo on that day (the scan's own clock is the cron's; here it is a parameter).
const morning = (d: Date) => new Date(d.getTime() + 5 * 3600_000);

/** Runs the queued send jobs now, as a worker would, without waiting for its polling. */
async function drain(w: MailWorker = worker) {
  for (;;) {
    const jobs = await w.boss.fetch<{ deliveryId: string }>(SEND_QUEUE, { batchSize: 50, includeMetadata: true });
    if (!jobs?.length) return;
    for (const job of jobs) {
      try {
        await deliver(db, w.config, BigInt(job.data.deliveryId), { retryCount: job.retryCount, retryLimit: job.retryLimit });
        await w.boss.complete(SEND_QUEUE, job.id);
      } catch (error) {
        await w.boss.fail(SEND_QUEUE, job.id, { message: String(error) });
      }
    }
  }
}

describe("an owner's reminder", () => {
  it("arrives as text and HTML with the plan, the date, the strategy's decision, the link and one-click unsubscribe headers", async () => {
    const user = await owner({ name: "Kari Eier" });
    const dueOn = day("2027-03-31");
    const plan = await db.plan.create({ data: { title: `Kulturplan ${randomUUID().slice(0, 6)}`, type: "temaplan", ownerId: user.id, revisionDueOn: dueOn } });
    const period = await db.strategyPeriod.create({ data: { name: `Planstrategi ${randomUUID().slice(0, 6)}`, startYear: 2024, endYear: 2027 } });
    await db.strategyDecision.create({ data: { periodId: period.id, planId: plan.id, decision: "revise", targetYear: 2027, note: "Samordnes med kommuneplanen." } });

    await worker.scan(morning(day("2027-02-28"))); // one month before (31 March − 1 month = 28 February)
    await drain();
    const mails = smtp.to(user.email);
    expect(mails).toHaveLength(1);
    const { mail } = mails[0]!;
    expect(mail.subject).toBe(`Revisjon av «${plan.title}» forfaller om 1 måned`);
    expect(mail.from?.text).toContain("plan@test.kommune.no");
    const link = `${BASE}/plans/${plan.id}`;
    for (const body of [mail.text!, mail.html as string]) {
      expect(body).toContain(plan.title);
      expect(body).toContain("31. mars 2027");
      expect(body).toContain(link);
      expect(body).toContain(period.name);
      expect(body).toContain("Revideres");
      expect(body).toContain("Målår: 2027");
    }
    expect(mail.html).toContain(`<a href="${link}"`);
    const listUnsubscribe = String(mail.headers.get("list-unsubscribe") ?? (mail.headerLines.find((h) => h.key === "list-unsubscribe")?.line ?? ""));
    const post = mail.headerLines.find((h) => h.key === "list-unsubscribe-post")?.line;
    expect(post).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    const url = /<(https:[^>]+)>/.exec(mail.headerLines.find((h) => h.key === "list-unsubscribe")!.line)![1]!;
    expect(listUnsubscribe).toContain(url);
    expect(url.startsWith(`${BASE}/api/unsubscribe/`)).toBe(true);
    // The link in the body leads to the page for the same token.
    const token = url.split("/").pop()!;
    expect(mail.text).toContain(`${BASE}/unsubscribe/${token}`);
    expect(readUnsubscribeToken(token)).toEqual({ userId: user.id, kind: "owner_reminder" });
    expect(readUnsubscribeToken(`${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`)).toBeNull();

    const logged = await db.mailDelivery.findFirstOrThrow({ where: { recipientId: user.id } });
    expect(logged).toMatchObject({ status: "sent", kind: "owner_reminder", step: "lead:1", attempts: 1, subject: mail.subject });

    // Unsubscribed: the next step (the due date) is not planned.
    await unsubscribe(db, user.id, "owner_reminder");
    await worker.scan(morning(dueOn));
    await drain();
    expect(smtp.to(user.email)).toHaveLength(1);
  });

  it("is written in English for a user who chose English", async () => {
    const user = await owner({ mailLocale: "en", name: "Kari Owner" });
    const plan = await db.plan.create({ data: { title: `Climate plan ${randomUUID().slice(0, 6)}`, type: "temaplan", ownerId: user.id, revisionDueOn: day("2027-01-10") } });
    await worker.scan(morning(day("2027-02-11")));
    await drain();
    const mails = smtp.to(user.email);
    expect(mails).toHaveLength(1);
    const { mail } = mails[0]!;
    expect(mail.subject).toBe(`Revision of “${plan.title}” is overdue`);
    expect(mail.text).toContain("10 January 2027");
    // The first scan is a day after the 1-month step's day: the mail says the real time.
    expect(mail.text).toContain("1 month and 1 day overdue");
    expect(mail.text).toContain("no planning strategy has decided");
  });
});

describe("the schedule of reminders", () => {
  it("walking a plan from 7 months before its date to 2 months after sends exactly 6 and 1 months before, on the day, and monthly after", async () => {
    const user = await owner();
    const dueOn = day("2027-06-15");
    await db.plan.create({ data: { title: `Gangplan ${randomUUID().slice(0, 6)}`, type: "temaplan", ownerId: user.id, revisionDueOn: dueOn } });
    const sentOn: string[] = [];
    for (let d = addMonths(dueOn, -7); d <= addMonths(dueOn, 2); d = addDays(d, 1)) {
      const before = smtp.to(user.email).length;
      await worker.scan(morning(d));
      await drain();
      if (smtp.to(user.email).length > before) sentOn.push(isoDate(d));
    }
    expect(sentOn).toEqual(["2026-12-15", "2027-05-15", "2027-06-15", "2027-07-15", "2027-08-15"]);
    const steps = (await db.mailDelivery.findMany({ where: { recipientId: user.id }, orderBy: { id: "asc" } })).map((m) => m.step);
    expect(steps).toEqual(["lead:6", "lead:1", "due", "overdue:1", "overdue:2"]);
  });

  it("a reminder sent after its step's day says how long is really left, not the step's months, and 'today' only on the day", async () => {
    const nb = await owner();
    const en = await owner({ mailLocale: "en" });
    const lead = await db.plan.create({ data: { title: `Folkehelseplan ${randomUUID().slice(0, 6)}`, type: "temaplan", ownerId: nb.id, revisionDueOn: day("2027-03-31") } });
    const late = await db.plan.create({ data: { title: `Sen plan ${randomUUID().slice(0, 6)}`, type: "temaplan", ownerId: nb.id, revisionDueOn: day("2027-05-10") } });
    const soon = await db.plan.create({ data: { title: `Soon plan ${randomUUID().slice(0, 6)}`, type: "temaplan", ownerId: en.id, revisionDueOn: day("2027-03-01") } });
    // The first scan after a start: the 6-month step began on 30 September, 118 days are left.
    await worker.scan(morning(day("2026-12-03")));
    await drain();
    const first = smtp.to(nb.email).map((m) => m.mail).find((m) => m.subject!.includes(lead.title));
    expect(first!.subject).toBe(`Revisjon av «${lead.title}» forfaller om 3 måneder og 28 dager`);
    expect(first!.text).toContain("31. mars 2027 – om 3 måneder og 28 dager.");
    expect(first!.text).not.toMatch(/6 måneder/);
    // The due step's mail, first sent ten days after the date, does not say "today".
    await worker.scan(morning(day("2027-05-20")));
    await drain();
    const dueMail = smtp.to(nb.email).map((m) => m.mail).filter((m) => m.subject!.includes(late.title)).at(-1)!;
    expect(dueMail.subject).toBe(`Revisjon av «${late.title}» er forfalt`);
    expect(dueMail.text).toContain("er 10 dager på overtid");
    expect(dueMail.text).not.toContain("i dag");
    const enMails = smtp.to(en.email).map((m) => m.mail);
    expect(enMails.map((m) => m.subject)).toEqual([`Revision of “${soon.title}” is due in 2 months and 29 days`, `Revision of “${soon.title}” is overdue`]);
    expect(enMails[1]!.text).toContain("is 2 months and 19 days overdue");
  });

  it("changing the due date or the owner re-arms the reminders; archiving, repealing or replacing cancels them", async () => {
    const first = await owner();
    const second = await owner();
    const plan = await db.plan.create({ data: { title: `Flytteplan ${randomUUID().slice(0, 6)}`, type: "temaplan", ownerId: first.id, revisionDueOn: day("2027-10-01") } });
    const today = morning(day("2027-09-05"));
    await worker.scan(today); // the 1-month reminder is planned…
    // …then the date moves before it is sent: the planned one is cancelled, the new date's is planned.
    await db.plan.update({ where: { id: plan.id }, data: { revisionDueOn: day("2027-09-20") } });
    await drain();
    await worker.scan(today);
    await drain();
    expect(smtp.to(first.email).map((r) => r.mail.text!.includes("20. september 2027"))).toEqual([true]);
    const cancelled = await db.mailDelivery.findFirstOrThrow({ where: { planId: plan.id, status: "cancelled" } });
    expect(cancelled.lastError).toBe("cancelled: the plan's revision date changed");

    // A new owner is reminded of the same step; the old one is not reminded again.
    await db.plan.update({ where: { id: plan.id }, data: { ownerId: second.id } });
    await worker.scan(today);
    await drain();
    expect(smtp.to(second.email)).toHaveLength(1);
    expect(smtp.to(first.email)).toHaveLength(1);

    for (const [change, word] of [[{ archivedAt: new Date() }, "archived"], [{ status: "opphevet" as const }, "repealed"], [{ status: "erstattet" as const }, "replaced"]] as const) {
      const p = await db.plan.create({ data: { title: `Slutt ${randomUUID().slice(0, 6)}`, type: "temaplan", ownerId: second.id, revisionDueOn: day("2027-09-30") } });
      await worker.scan(today);
      await db.plan.update({ where: { id: p.id }, data: change });
      await drain();
      await worker.scan(addDays(today, 1));
      await drain();
      const rows = await db.mailDelivery.findMany({ where: { planId: p.id } });
      expect(rows.map((r) => [r.status, r.lastError])).toEqual([["cancelled", `cancelled: the plan is ${word}`]]);
    }
    expect(smtp.to(second.email)).toHaveLength(1);
  });
});

describe("the admin's settings", () => {
  it("the lead times and the municipality's name come from the settings row", async () => {
    await db.appSettings.updateMany({ data: { reminderLeadMonths: [3], municipalityName: "Testvik kommune" } });
    try {
      const user = await owner();
      await db.plan.create({ data: { title: `Innstilt ${randomUUID().slice(0, 6)}`, type: "temaplan", ownerId: user.id, revisionDueOn: day("2028-04-30") } });
      await worker.scan(morning(day("2027-10-30"))); // 6 months before: no longer a lead time
      await worker.scan(morning(day("2028-01-30"))); // 3 months before
      await drain();
      const mails = smtp.to(user.email);
      expect(mails.map((m) => m.mail.subject)).toEqual([expect.stringContaining("om 3 måneder")]);
      expect(mails[0]!.mail.text).toContain("planregisteret til Testvik kommune");
    } finally {
      await db.appSettings.updateMany({ data: { reminderLeadMonths: [6, 1], municipalityName: "" } });
    }
  });
});

describe("digests", () => {
  it("an editor who opted in gets one weekly digest a week; a viewer who opted in gets one quarterly summary a quarter", async () => {
    const editor = await db.user.create({ data: { email: `red-${randomUUID().slice(0, 8)}@test.kommune.no`, name: "Rita Redaktør", role: "editor", mailWeeklyDigest: true } });
    const viewer = await db.user.create({ data: { email: `pol-${randomUUID().slice(0, 8)}@test.kommune.no`, name: "Per Politiker", role: "viewer", mailWeeklyDigest: true, mailQuarterlySummary: true } });
    const idle = await db.user.create({ data: { email: `idle-${randomUUID().slice(0, 8)}@test.kommune.no`, name: "Ida", role: "editor" } });
    const fell = await db.plan.create({ data: { title: `Forfalt ${randomUUID().slice(0, 6)}`, type: "temaplan", revisionDueOn: day("2029-01-03") } });
    const soon = await db.plan.create({ data: { title: `Snart ${randomUUID().slice(0, 6)}`, type: "temaplan", revisionDueOn: day("2029-03-01") } });
    await db.auditEvent.create({ data: { type: "plan.updated", entityType: "plan", entityId: String(soon.id), actorId: editor.id, at: new Date("2029-01-04T10:00:00Z"), after: {} } });

    const monday = day("2029-01-08");
    await worker.scan(morning(monday));
    await worker.scan(morning(addDays(monday, 2))); // the same week and quarter again: nothing new
    await drain();
    const digests = smtp.to(editor.email);
    expect(digests.map((m) => m.mail.subject)).toEqual(["Ukeoversikt fra planregisteret, uke 02"]);
    const text = digests[0]!.mail.text!;
    expect(text).toContain("1. januar 2029–7. januar 2029");
    expect(text).toMatch(new RegExp(`Forfalt til revisjon sist uke \\(\\d+\\)[\\s\\S]*${fell.title} – 3. januar 2029`));
    expect(text).toMatch(new RegExp(`Forfaller de neste tre månedene \\(\\d+\\)[\\s\\S]*${soon.title} – 1. mars 2029`));
    expect(text).toMatch(new RegExp(`Uten eier eller revisjonsdato \\(\\d+\\)[\\s\\S]*${fell.title}`));
    expect(text).toContain(`4. januar 2029: ${soon.title} – endret (Rita Redaktør)`);
    expect(digests[0]!.mail.html).toContain(`/plans/${soon.id}`);
    expect(digests[0]!.mail.headerLines.find((h) => h.key === "list-unsubscribe")?.line).toContain("/api/unsubscribe/");

    // Viewers are not planning staff: no weekly digest even if the column says so; the summary yes.
    const summaries = smtp.to(viewer.email);
    expect(summaries.map((m) => m.mail.subject)).toEqual(["Kvartalsrapport fra planregisteret, Q1 2029"]);
    expect(summaries[0]!.mail.text).toMatch(/Aktive planer: \d+/);
    // The strategy an earlier test recorded (2024–2027) is the latest before 2029.
    expect(summaries[0]!.mail.text).toMatch(/Planstrategien\n-+\n\n(Planstrategi \w+: \d+ av \d+ vedtak gjennomført \(\d+\s%\)\.|Ingen planstrategi er registrert)/);
    expect(smtp.to(idle.email)).toHaveLength(0);

    await worker.scan(morning(addDays(monday, 7)));
    await drain();
    expect(smtp.to(editor.email).map((m) => m.mail.subject)).toEqual(["Ukeoversikt fra planregisteret, uke 02", "Ukeoversikt fra planregisteret, uke 03"]);
    expect(smtp.to(viewer.email)).toHaveLength(1);
  });
});
