// One worker serves every municipality (decision 057): a real pg-boss worker, a real SMTP peer and
// two municipalities in a database of their own. Each municipality's users get its own mail, with
// its name and links on its own host; nothing crosses, even for an address both know.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ParsedMail } from "mailparser";
import { startMailWorker, type MailWorker } from "../lib/mail/worker";
import { createPrismaClient, type PrismaClient } from "../lib/prisma-client";
import { APP_ROLE } from "../lib/db-role";
import { withTenant } from "../lib/tenant-context";
import { urlFromPgConfig } from "../scripts/db/connection";
import { startTestSmtp, type TestSmtp } from "./support/smtp";
import { tenantDatabase, type TenantDatabase } from "./support/tenant-db";

let smtp: TestSmtp;
let t: TenantDatabase;
let db: PrismaClient;
let worker: MailWorker;
let holtalen: number;
const RØROS = 1;
const saved = { ...process.env };

beforeAll(async () => {
  smtp = await startTestSmtp(2547);
  // The configured address is Røros's own host; Holtålen's links must not use it.
  Object.assign(process.env, { SMTP_URL: smtp.url, NEXTAUTH_URL: "https://planer.roros.test", MAIL_RETRY_DELAY_SECONDS: "1", MAIL_LEASE_SECONDS: "3", MAIL_RETRY_LIMIT: "3" });
  t = await tenantDatabase("planregister_mail_tenants");
  await t.owner.query(`UPDATE tenants SET kommunenummer = '5025', name = 'Røros kommune', county_number = '50', county_name = 'Trøndelag' WHERE id = 1`);
  await t.owner.query(`UPDATE app_settings SET municipality_name = 'Røros kommune' WHERE tenant_id = 1`);
  holtalen = (await t.owner.query<{ id: number }>(`INSERT INTO tenants (kommunenummer, name, county_number, county_name) VALUES ('5026', 'Holtålen kommune', '50', 'Trøndelag') RETURNING id`)).rows[0]!.id;
  // A county office gets no register mail: the worker must pass it by, not fail on it.
  await t.owner.query(`INSERT INTO tenants (kind, name, county_number, county_name) VALUES ('county', 'Statsforvalteren i Trøndelag', '50', 'Trøndelag')`);
  // Holtålen's primary host sorts after its alias: the mark, not the alphabet, decides.
  await t.owner.query(`INSERT INTO tenant_hosts (host, tenant_id, is_primary) VALUES ('planer.roros.test', 1, false), ('alias.holtalen.test', $1, false), ('planer.holtalen.test', $1, true)`, [holtalen]);
  db = createPrismaClient(urlFromPgConfig(t.config), { max: 4 });
});

afterAll(async () => {
  await worker?.stop().catch(() => {});
  await db?.$disconnect();
  await t?.close();
  await smtp?.close();
  process.env = saved;
});

async function until(check: () => boolean | Promise<boolean>, seconds = 30) {
  for (let i = 0; i < seconds * 10; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("timed out waiting");
}

// In each municipality: its own owner, the same shared adviser address, an editor with the digest.
async function people(tenantId: number, tag: string) {
  return withTenant(tenantId, async () => {
    const owner = await db.user.create({ data: { email: `eier-${tenantId}-${randomUUID().slice(0, 6)}@kommune.test`, name: `Eier ${tag}`, role: "editor", mailWeeklyDigest: true } });
    const adviser = await db.user.create({ data: { email: "radgiver@iks.test", name: `Rådgiver ${tag}`, role: "editor" } });
    const dueOn = new Date("2030-05-01T00:00:00Z");
    const own = await db.plan.create({ data: { title: `${tag}-plan for eieren`, type: "temaplan", ownerId: owner.id, revisionDueOn: dueOn } });
    const advised = await db.plan.create({ data: { title: `${tag}-plan for rådgiveren`, type: "temaplan", ownerId: adviser.id, revisionDueOn: dueOn } });
    return { owner, adviser, plans: [own, advised] };
  });
}

const links = (mail: ParsedMail) => [...`${mail.text}\n${mail.html}`.matchAll(/https?:\/\/[^\s"'<>)]+/g)].map((m) => m[0]);

describe("one worker, every municipality", () => {
  it("plans each municipality's reminders and digests as the app role, and each mail carries its municipality and its host", async () => {
    const røros = await people(RØROS, "Røros");
    const holt = await people(holtalen, "Holtålen");
    worker = await startMailWorker({ url: urlFromPgConfig(t.config), db, log: () => {}, pollingSeconds: 0.5 });
    // The scan's connections are the app role's: row-level security holds for every statement.
    expect(new URL(worker.pool.options.connectionString!).username).toBe(APP_ROLE);
    await worker.scan(new Date("2030-04-20T06:00:00Z"));

    const rows = async () => (await t.owner.query<{ tenant_id: number; recipient_tenant: number; status: string; kind: string }>(
      `SELECT m.tenant_id, u.tenant_id AS recipient_tenant, m.status, m.kind::text FROM mail_deliveries m JOIN users u ON u.id = m.recipient_id`)).rows;
    await until(async () => {
      const all = await rows();
      return all.length >= 6 && all.every((r) => r.status === "sent");
    });
    // Each delivery is its recipient's municipality's.
    for (const r of await rows()) expect(r.tenant_id).toBe(r.recipient_tenant);

    const expectations = [
      { who: røros, tag: "Røros", other: "Holtålen", name: "Røros kommune", host: "https://planer.roros.test/", foreignHost: "holtalen" },
      { who: holt, tag: "Holtålen", other: "Røros", name: "Holtålen kommune", host: "https://planer.holtalen.test/", foreignHost: "roros" },
    ];
    for (const e of expectations) {
      const mails = smtp.to(e.who.owner.email).map((r) => r.mail);
      // The owner's reminder and at least one weekly digest.
      expect(mails.some((m) => m.subject!.includes(`${e.tag}-plan for eieren`))).toBe(true);
      expect(mails.length).toBeGreaterThanOrEqual(2);
      for (const mail of mails) {
        expect(`${mail.subject}\n${mail.text}`).toContain(e.name);
        expect(`${mail.subject}\n${mail.text}`).not.toContain(e.other);
        expect(links(mail).length).toBeGreaterThan(0);
        for (const link of links(mail)) expect(link.startsWith(e.host), `${link} in ${e.name}'s mail`).toBe(true);
        const listUnsubscribe = mail.headerLines.find((h) => h.key === "list-unsubscribe")?.line ?? "";
        expect(listUnsubscribe).toContain(e.host);
        expect(mail.messageId).toContain(new URL(e.host).hostname);
      }
    }
    // The address both municipalities know gets one reminder from each, each about its own plan.
    const shared = smtp.to("radgiver@iks.test").map((r) => r.mail);
    expect(shared).toHaveLength(2);
    for (const e of expectations) {
      const mail = shared.find((m) => m.subject!.includes(`${e.tag}-plan for rådgiveren`))!;
      expect(mail.text).toContain(e.name);
      expect(mail.text).not.toContain(`${e.other}-plan`);
      expect(links(mail).every((l) => l.startsWith(e.host))).toBe(true);
    }
    // A rerun plans nothing in either municipality.
    expect(await worker.scan(new Date("2030-04-20T06:00:00Z"))).toEqual([]);
  });

  it("a municipality without a host name of its own links to the configured address", async () => {
    const bare = (await t.owner.query<{ id: number }>(`INSERT INTO tenants (kommunenummer, name, county_number, county_name) VALUES ('5027', 'Midtre Gauldal kommune', '50', 'Trøndelag') RETURNING id`)).rows[0]!.id;
    const user = await withTenant(bare, async () => {
      const u = await db.user.create({ data: { email: `eier-mg-${randomUUID().slice(0, 6)}@kommune.test`, name: "Eier MG", role: "viewer" } });
      await db.plan.create({ data: { title: "Midtre Gauldal-plan", type: "temaplan", ownerId: u.id, revisionDueOn: new Date("2030-05-01T00:00:00Z") } });
      return u;
    });
    await worker.scan(new Date("2030-04-20T06:00:00Z"));
    await until(() => smtp.to(user.email).length === 1);
    const mail = smtp.to(user.email)[0]!.mail;
    expect(mail.text).toContain("Midtre Gauldal kommune");
    expect(links(mail).every((l) => l.startsWith("https://planer.roros.test/"))).toBe(true);
  });
});
