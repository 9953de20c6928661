// Issue 21 across two municipalities in a database of their own (lib/db is its tenant-aware client
// here): each one's archive-link template, national plan ids and open consultations are its own.
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { withTenant } from "../lib/tenant-context";
import { addMunicipality, closeTenantLibDb, type TenantLibDb } from "./support/tenant-lib-db";

const holder = vi.hoisted(() => ({}) as TenantLibDb);

vi.mock("../lib/db", async () => (await import("./support/tenant-lib-db")).tenantLibDb(holder, "planregister_national_tenants"));

const { getSettings } = await import("../lib/settings");
const { scheduleDocument } = await import("../lib/council/schedule");
const { scheduleBatch } = await import("../lib/schedule/queries");
const { scheduleParamsSchema } = await import("../lib/schedule/params");
const { createPlan } = await import("../lib/plans/mutations");
const { planCreateSchema } = await import("../lib/plans/schema");
const { loadConsultations } = await import("../lib/public/consultations");
const { loadPlan } = await import("../lib/public/pages");

const A = 1;
let b: number;
const editors = new Map<number, number>();
const TEMPLATES = { a: "https://journal.roros.example/sak?aar={saksaar}&nr={sekvensnr}", b: "https://innsyn.holtalen.example/{saksaar}/{sekvensnr}" };
const DAY = 86_400_000;
const today = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
const day = (offset: number) => new Date(today.getTime() + offset * DAY);
const db = () => holder.db!;

beforeAll(async () => {
  b = await addMunicipality(holder.t!);
  for (const [tenant, template] of [[A, TEMPLATES.a], [b, TEMPLATES.b]] as const) {
    await withTenant(tenant, async () => {
      await db().appSettings.updateMany({ data: { caseLinkTemplate: template } });
      editors.set(tenant, (await db().user.create({ data: { email: `redaktor${tenant}@kommune.test`, name: "Redaktør", role: "editor" } })).id);
    });
  }
});
afterAll(() => closeTenantLibDb(holder));

/** The schedule's council document in `tenant`, as its route builds it, with the tenant's settings. */
async function scheduleLinks(tenant: number): Promise<string[]> {
  return withTenant(tenant, async () => {
    const { municipalityName, caseLinkTemplate } = await getSettings();
    const rows = await scheduleBatch(scheduleParamsSchema.parse({}), 0);
    const file = await scheduleDocument("docx", { municipality: municipalityName, subtitle: "", printedOn: today, today, locale: "nb", caseLinkTemplate }, rows);
    const rels = await (await JSZip.loadAsync(file)).file("word/_rels/document.xml.rels")!.async("string");
    return [...rels.matchAll(/Type="[^"]*\/hyperlink" Target="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));
  });
}

describe("two municipalities", () => {
  it("each one's archive-link template links its own case numbers; A's is never used in B", async () => {
    for (const tenant of [A, b]) {
      await withTenant(tenant, () => db().plan.create({ data: { title: `Vedtatt plan ${tenant}`, type: "temaplan", status: "vedtatt", adoptedOn: day(-400), adoptedBy: "kommunestyret", caseNumber: "20/1234" } }));
    }
    // A's settings read first (and kept in the page-data cache), then B's: each gets its own.
    expect(await withTenant(A, async () => (await getSettings()).caseLinkTemplate)).toBe(TEMPLATES.a);
    expect(await withTenant(b, async () => (await getSettings()).caseLinkTemplate)).toBe(TEMPLATES.b);
    expect(await scheduleLinks(A)).toEqual(["https://journal.roros.example/sak?aar=2020&nr=1234"]);
    expect(await scheduleLinks(b)).toEqual(["https://innsyn.holtalen.example/2020/1234"]);
  });

  it("the same national plan id may be held once in each municipality, not twice in one", async () => {
    const input = (title: string) => planCreateSchema.parse({ title, type: "kommunedelplan", status: "under_utarbeidelse", nationalPlanId: "5025_2019001" });
    const inA = await withTenant(A, () => createPlan(editors.get(A)!, input("Kommunedelplan for sentrum")));
    const inB = await withTenant(b, () => createPlan(editors.get(b)!, input("Kommunedelplan for sentrum")));
    expect(inB.id).not.toBe(inA.id);
    await expect(withTenant(A, () => createPlan(editors.get(A)!, input("Kommunedelplan for fjellet")))).rejects.toMatchObject({ messageKey: "nationalPlanIdTaken", link: { href: `/plans/${inA.id}` } });
    for (const [tenant, id] of [[A, inA.id], [b, inB.id]] as const) {
      expect(await withTenant(tenant, () => db().plan.findMany({ where: { nationalPlanId: "5025_2019001" }, select: { id: true } }))).toEqual([{ id }]);
    }
  });

  it("innsyn's 'På høring nå' lists only its own municipality's open consultations, and B cannot open A's", async () => {
    const open = { status: "pa_horing" as const, consultationFrom: day(-3), consultationTo: day(20) };
    const a1 = await withTenant(A, () => db().plan.create({ data: { title: "Høring i Røros", type: "temaplan", ...open } }));
    const b1 = await withTenant(b, () => db().plan.create({ data: { title: "Høring i Holtålen", type: "temaplan", ...open } }));
    expect((await withTenant(A, () => loadConsultations())).map((p) => p.id)).toEqual([a1.id]);
    expect((await withTenant(b, () => loadConsultations())).map((p) => p.id)).toEqual([b1.id]);
    expect(await withTenant(b, () => loadPlan(a1.id))).toBeNull();
    expect((await withTenant(A, () => loadPlan(a1.id)))?.consultation).toMatchObject({ state: "open" });
  });
});
