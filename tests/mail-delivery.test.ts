// Exactly once, under trouble: two workers scanning at the same moment, an SMTP server that
// refuses and then recovers, a crash between planning and sending, a worker killed mid-send, a
// rerun of the scan. Real pg-boss workers (polling), a real SMTP server, a real worker process.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInOslo } from "../lib/dates";
import { deliver, NOT_CONFIGURED } from "../lib/mail/deliver";
import { mailConfig } from "../lib/mail/config";
import { startMailWorker, type MailWorker } from "../lib/mail/worker";
import type { PrismaClient } from "../lib/prisma-client";
import { mailDatabase } from "./support/mail-db";
import { startTestSmtp, type TestSmtp } from "./support/smtp";

let smtp: TestSmtp;
let database: Awaited<ReturnType<typeof mailDatabase>>;
let db: PrismaClient;
const workers: MailWorker[] = [];
const children: ChildProcess[] = [];

beforeAll(async () => {
  smtp = await startTestSmtp(2543);
  Object.assign(process.env, { SMTP_URL: smtp.url, NEXTAUTH_URL: "https://planer.test.kommune.no", MAIL_RETRY_DELAY_SECONDS: "1", MAIL_LEASE_SECONDS: "3", MAIL_RETRY_LIMIT: "4" });
  database = await mailDatabase();
  db = database.db;
});

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  for (const w of workers) await w.stop().catch(() => {});
  await database?.close();
  await smtp?.close();
});

async function start(work: boolean) {
  const w = await startMailWorker({ url: database.url, db, work, log: () => {}, pollingSeconds: 0.5 });
  workers.push(w);
  return w;
}

async function stop(w: MailWorker) {
  await w.stop();
  workers.splice(workers.indexOf(w), 1);
}

// Far from the real clock: the workers' own start-up scans (today's date) must not plan these.
async function ownedPlans(n: number, dueOn = new Date("2030-05-01T00:00:00Z")) {
  const user = await db.user.create({ data: { email: `eier-${randomUUID().slice(0, 8)}@test.kommune.no`, name: "Eier", role: "viewer" } });
  for (let i = 0; i < n; i++) await db.plan.create({ data: { title: `Plan ${randomUUID().slice(0, 8)}`, type: "temaplan", ownerId: user.id, revisionDueOn: dueOn } });
  return user;
}

const NOW = new Date("2030-04-20T06:00:00Z");

async function until(check: () => boolean | Promise<boolean>, seconds = 30) {
  for (let i = 0; i < seconds * 10; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("timed out waiting");
}

const statuses = async (recipientId: number) => (await db.mailDelivery.findMany({ where: { recipientId }, orderBy: { id: "asc" } })).map((d) => d.status);

describe("exactly one mail per reminder", () => {
  it("two workers scanning at the same moment plan each reminder once and together send each once", async () => {
    const user = await ownedPlans(5);
    const a = await start(true);
    const b = await start(true);
    const [fromA, fromB] = await Promise.all([a.scan(NOW), b.scan(NOW)]);
    expect(fromA.length + fromB.length).toBe(5);
    await until(async () => (await statuses(user.id)).every((s) => s === "sent"));
    await new Promise((r) => setTimeout(r, 1500)); // both workers keep polling: nothing more may come
    expect(smtp.to(user.email)).toHaveLength(5);
    expect(new Set(smtp.to(user.email).map((r) => r.mail.subject)).size).toBe(5);
    // A rerun of the scan, by either, plans nothing.
    expect([...(await a.scan(NOW)), ...(await b.scan(NOW))]).toEqual([]);
    await stop(a);
    await stop(b);
  });

  it("an SMTP server that refuses is retried with back-off until it accepts; the log shows the attempts", async () => {
    const user = await ownedPlans(1);
    smtp.refuseNext(2);
    const w = await start(true);
    await w.scan(NOW);
    await until(async () => (await statuses(user.id))[0] === "retrying");
    const waiting = await db.mailDelivery.findFirstOrThrow({ where: { recipientId: user.id } });
    expect(waiting.lastError).toContain("451");
    await until(async () => (await statuses(user.id))[0] === "sent");
    const sent = await db.mailDelivery.findFirstOrThrow({ where: { recipientId: user.id } });
    expect(sent.attempts).toBe(3);
    expect(sent.lastError).toBeNull();
    expect(smtp.to(user.email)).toHaveLength(1);
    await stop(w);
  });

  it("after the last retry the mail is failed, with the server's reason", async () => {
    const user = await ownedPlans(1);
    const w = await start(false);
    const [id] = await w.scan(NOW);
    smtp.refuseNext(1);
    await expect(deliver(db, mailConfig(), id!, { retryCount: 4, retryLimit: 4 })).resolves.toBe("failed");
    const failed = await db.mailDelivery.findUniqueOrThrow({ where: { id: id! } });
    expect(failed.status).toBe("failed");
    expect(failed.lastError).toMatch(/451 Try again later/);
    expect(smtp.to(user.email)).toHaveLength(0);
    await stop(w);
  });

  it("a crash between planning and sending loses nothing: the job was saved with the plan, and the next worker sends it once", async () => {
    const user = await ownedPlans(2);
    const planner = await start(false);
    expect(await planner.scan(NOW)).toHaveLength(2);
    await stop(planner); // the process is gone before any send
    expect(smtp.to(user.email)).toHaveLength(0);
    const next = await start(true);
    await next.scan(NOW); // its start-up scan: nothing new
    await until(async () => (await statuses(user.id)).every((s) => s === "sent"));
    await new Promise((r) => setTimeout(r, 1000));
    expect(smtp.to(user.email)).toHaveLength(2);
    await stop(next);
  });

  it("a worker process killed mid-send: the job is retried after the lease and the recipient gets one mail", async () => {
    // Due in 20 days by the real clock: the child's own start-up scan plans it.
    const user = await ownedPlans(1, new Date(todayInOslo().getTime() + 20 * 86_400_000));
    const held = smtp.holdNext();
    const child: ChildProcess = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.resolve("scripts/worker.ts")], {
      env: { ...process.env, DATABASE_URL: database.url, NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET },
      stdio: "ignore",
    });
    children.push(child);
    try {
      // Its start-up scan plans the mail; it sends; the server holds the message without an answer.
      await held.held;
      expect(await statuses(user.id)).toEqual(["sending"]);
    } finally {
      child.kill("SIGKILL");
      await new Promise((r) => child.once("exit", r));
      held.release();
    }
    expect(smtp.to(user.email)).toHaveLength(0);
    const survivor = await start(true);
    // pg-boss's maintenance puts the expired job back; the claim's lease has run out by then.
    await until(async () => {
      await survivor.boss.maintain();
      return (await statuses(user.id))[0] === "sent";
    });
    const mail = await db.mailDelivery.findFirstOrThrow({ where: { recipientId: user.id } });
    expect(mail.attempts).toBe(2);
    await new Promise((r) => setTimeout(r, 1000));
    expect(smtp.to(user.email)).toHaveLength(1);
    await stop(survivor);
  });
});

describe("without SMTP_URL", () => {
  it("the mail is written and stored as not sent: no SMTP server configured", async () => {
    const user = await ownedPlans(1);
    const w = await start(false);
    const [id] = await w.scan(NOW);
    const saved = process.env.SMTP_URL;
    delete process.env.SMTP_URL;
    try {
      await expect(deliver(db, mailConfig(), id!, { retryCount: 0, retryLimit: 4 })).resolves.toBe("not_sent");
    } finally {
      process.env.SMTP_URL = saved;
    }
    const row = await db.mailDelivery.findUniqueOrThrow({ where: { id: id! } });
    expect(row).toMatchObject({ status: "not_sent", lastError: NOT_CONFIGURED });
    expect(row.textBody).toContain("/plans/");
    expect(row.htmlBody).toContain("<!DOCTYPE html>");
    expect(smtp.to(user.email)).toHaveLength(0);
    await stop(w);
  });
});
