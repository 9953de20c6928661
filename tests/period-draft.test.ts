// The next planning strategy on the Røros example data (issue 14): the draft's proposal against
// the rules applied by hand to the plans read with SQL, adjustments, new plans absorbing action
// plans, adoption in one transaction (and nothing kept when its last write fails), and two editors
// on one draft. Runs on its own database with the example data loaded.
import mammoth from "mammoth";
import * as XLSX from "xlsx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planprogramDocument } from "../lib/council/planprogram";
import { createFreshDatabase } from "../scripts/db/fresh";
import { deployMigrations } from "../scripts/db/migrations";
import { loadData } from "../scripts/db/load-data";
import { urlFromPgConfig, withClient } from "../scripts/db/connection";
import { createPrismaClient, type PrismaClient } from "../lib/prisma-client";
import type { DbTarget } from "../scripts/db/target";
import { createPeriod } from "../lib/periods/mutations";
import { periodCreateSchema } from "../lib/periods/schema";
import { addDraftPlan, bulkUpdateDraft, updateDraftItem } from "../lib/periods/draft/mutations";
import { adoptDraft } from "../lib/periods/draft/adopt";
import { draftProgramBatch, getDraftPage, getWorkload } from "../lib/periods/draft/queries";
import { adoptSchema, draftBulkSchema, draftItemSchema, draftNewPlanSchema, draftParamsSchema } from "../lib/periods/draft/schema";
import { demoUsers } from "../prisma/seed/demo";

const global = globalThis as unknown as { planregisterDb?: PrismaClient };
let target: DbTarget;
let client: PrismaClient;
let shared: PrismaClient | undefined;

beforeAll(async () => {
  target = await createFreshDatabase("planregister_test_draft");
  await deployMigrations(target.config, target.shadow);
  const url = urlFromPgConfig(target.config);
  await loadData(url, { demo: true });
  // Røros, the example data's first tenant (it has its neighbours, the county office and the platform too).
  client = createPrismaClient(url, { max: 4, tenant: 1 });
  // lib/db's client is the one on this database for this file.
  shared = global.planregisterDb;
  global.planregisterDb = client;
});

afterAll(async () => {
  global.planregisterDb = shared;
  await client?.$disconnect();
  await target?.close();
});

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const editor = () => client.user.findFirstOrThrow({ where: { email: demoUsers.find((u) => u.role === "editor")!.email } });

async function startDraft(name: string, startYear: number) {
  const me = await editor();
  const { id } = await createPeriod(me.id, periodCreateSchema.parse({ name, startYear: String(startYear), endYear: String(startYear + 3), councilConstitutedOn: `${startYear - 1}-10-19`, plannedMeetingOn: `${startYear}-06-20` }));
  return client.strategyPeriod.findUniqueOrThrow({ where: { id } });
}

const items = (periodId: number) =>
  client.strategyDraftItem.findMany({ where: { periodId }, include: { plan: { select: { title: true } } }, orderBy: { id: "asc" } });
const itemFor = async (periodId: number, title: string) => (await items(periodId)).find((i) => (i.plan?.title ?? i.title) === title)!;
const change = async (periodId: number, title: string, values: Record<string, string>) => {
  const item = await itemFor(periodId, title);
  const me = await editor();
  return updateDraftItem(me.id, draftItemSchema.parse({ periodId: String(periodId), itemId: String(item.id), version: String(item.version), decision: item.decision ?? "undecided", targetYear: item.targetYear?.toString() ?? "", responsibleUnit: item.responsibleUnit ?? "", absorbedById: "", ...values }));
};
/** Every plan's columns, to show that a draft changes none of them. */
const plansNow = () => client.$queryRaw<unknown[]>`SELECT * FROM plans ORDER BY id`;

const NEW_STRATEGIES = [
  { title: "Næringsstrategi", unit: "Plan og forvaltning", year: "2025" },
  { title: "Boligstrategi", unit: "Plan og forvaltning", year: "2026" },
  { title: "Kulturstrategi", unit: "Kultur og samfunn", year: "2025" },
  { title: "Strategi for psykisk helse og rus", unit: "Helse og omsorg", year: "2025" },
];
const ABSORBED = ["Handlingsplan mot vold i nære relasjoner", "Handlingsplan for selvmordsforebygging"];

describe("the draft of the 2024–2027 planning strategy on the Røros example data", () => {
  it("proposes a decision and target year for every active plan exactly once, with its reason", async () => {
    // The rules by hand, over the plans as SQL reads them.
    const active = await client.$queryRaw<{ id: number; title: string; type: string; due: Date | null; unit: string | null }[]>`
      SELECT id, title, type::text AS type, revision_due_on AS due, responsible_unit AS unit FROM plans WHERE archived_at IS NULL AND status NOT IN ('opphevet', 'erstattet')`;
    const period = await startDraft("Planstrategi 2024–2027", 2024);
    const expected = active.map((p) => {
      const kommuneplan = p.type === "kommuneplan_samfunnsdel" || p.type === "kommuneplan_arealdel";
      const dueYear = p.due?.getUTCFullYear() ?? null;
      const inPeriod = dueYear !== null && dueYear <= 2027;
      const overdue = dueYear !== null && dueYear < 2024;
      return {
        planId: p.id,
        decision: kommuneplan || dueYear === null ? null : inPeriod ? "revise" : "continue",
        targetYear: inPeriod ? Math.max(dueYear!, 2024) : null,
        reason: kommuneplan ? "consider_revision" : dueYear === null ? "no_due_date" : overdue ? "overdue" : inPeriod ? "due_in_period" : "due_later",
        flagged: kommuneplan || dueYear === null,
        responsibleUnit: p.unit,
      };
    });
    const got = (await items(period.id)).map((i) => ({ planId: i.planId, decision: i.decision, targetYear: i.targetYear, reason: i.reason, flagged: i.flagged, responsibleUnit: i.responsibleUnit }));
    expect(got.sort((a, b) => a.planId! - b.planId!)).toEqual(expected.sort((a, b) => a.planId - b.planId));
    expect(new Set(got.map((g) => g.planId)).size).toBe(active.length);
    // The same, as a reader of the example data would check it.
    const byTitle = Object.fromEntries((await items(period.id)).map((i) => [i.plan!.title, [i.decision, i.targetYear, i.reason]]));
    expect(byTitle).toEqual({
      "Mangfolds- og inkluderingsstrategi": [null, null, "no_due_date"],
      "Oppvekst- og utdanningsstrategi": [null, null, "no_due_date"],
      "Helse- og omsorgsstrategi": [null, null, "no_due_date"],
      Transportstrategi: [null, null, "no_due_date"],
      "Kommuneplanens arealdel": [null, 2027, "consider_revision"],
      // Due 2022 and 2023, before the period: overdue, revised in its first year.
      "Klima- og miljøplan": ["revise", 2024, "overdue"],
      Folkehelseplan: ["revise", 2027, "due_in_period"],
      Trafikksikkerhetsplan: ["revise", 2024, "overdue"],
      "Handlingsplan mot vold i nære relasjoner": ["continue", null, "due_later"],
      "Handlingsplan for selvmordsforebygging": ["revise", 2026, "due_in_period"],
    });
  });

  it("a failure at the adoption's last write leaves nothing: no plan, relation, decision or audit row", async () => {
    const period = await startDraft("Planstrategi 2028–2031 (feiler)", 2028);
    const me = await editor();
    await bulkUpdateDraft(me.id, draftBulkSchema.parse({ periodId: String(period.id), scope: "filter", filterDecision: "undecided", setDecision: "continue" }));
    const absorbs = await Promise.all(ABSORBED.map(async (t) => String((await itemFor(period.id, t)).id)));
    await addDraftPlan(me.id, draftNewPlanSchema.parse({ periodId: String(period.id), title: "Strategi som ikke blir vedtatt", type: "strategi", targetYear: "2029", absorbs }));
    const before = await plansNow();
    const lastAudit = (await client.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } })).id;
    const decisionsBefore = await client.strategyDecision.count();
    // Injected failure: the period's adoption audit row, written last, is refused by the database.
    // As the owner: the app role may not create triggers (decision 045).
    const owner = (sql: string) => withClient(target.config, (c) => c.query(sql));
    await owner(`CREATE FUNCTION fail_adoption() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.type = 'period.adopted' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$`);
    await owner(`CREATE TRIGGER fail_adoption BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION fail_adoption()`);
    try {
      const fresh = await client.strategyPeriod.findUniqueOrThrow({ where: { id: period.id } });
      await expect(adoptDraft(me.id, adoptSchema.parse({ periodId: String(period.id), loadedAt: String(fresh.updatedAt.getTime()), adoptedOn: "2028-06-20", adoptedBy: "kommunestyret", caseNumber: "28/1" }))).rejects.toThrow(/injected failure/);
    } finally {
      await owner(`DROP TRIGGER fail_adoption ON audit_events; DROP FUNCTION fail_adoption()`);
    }
    expect(await plansNow()).toEqual(before);
    expect(await client.plan.count({ where: { title: "Strategi som ikke blir vedtatt" } })).toBe(0);
    expect(await client.strategyDecision.count()).toBe(decisionsBefore);
    expect(await client.auditEvent.count({ where: { id: { gt: lastAudit } } })).toBe(0);
    expect((await client.strategyPeriod.findUniqueOrThrow({ where: { id: period.id } })).adoptedOn).toBeNull();
    expect((await itemFor(period.id, "Strategi som ikke blir vedtatt")).planId).toBeNull();
    await client.strategyPeriod.delete({ where: { id: period.id } });
  });

  it("adjusted (three decisions, a bulk change, four new strategies absorbing two action plans) and adopted, it writes the plans, relations, decisions and audit rows in one transaction", async () => {
    const period = await client.strategyPeriod.findFirstOrThrow({ where: { name: "Planstrategi 2024–2027" } });
    const me = await editor();
    const before = await plansNow();
    const auditBefore = await client.auditEvent.count({ where: { entityType: "plan" } });

    await change(period.id, "Kommuneplanens arealdel", { decision: "revise", targetYear: "2026" });
    await change(period.id, "Folkehelseplan", { decision: "continue", targetYear: "" });
    await change(period.id, "Trafikksikkerhetsplan", { decision: "revise", targetYear: "2025", responsibleUnit: "Plan og forvaltning" });
    // The four strategies of 2020 not made yet: still to be made in this period, by filter.
    const bulk = await bulkUpdateDraft(me.id, draftBulkSchema.parse({ periodId: String(period.id), scope: "filter", filterDecision: "undecided", setDecision: "new", setTargetYear: "2025" }));
    expect(bulk.count).toBe(4);
    for (const s of NEW_STRATEGIES) {
      const absorbs = s.title === "Strategi for psykisk helse og rus" ? await Promise.all(ABSORBED.map(async (t) => String((await itemFor(period.id, t)).id))) : [];
      await addDraftPlan(me.id, draftNewPlanSchema.parse({ periodId: String(period.id), title: s.title, type: "strategi", targetYear: s.year, responsibleUnit: s.unit, absorbs }));
    }
    await change(period.id, "Handlingsplan mot vold i nære relasjoner", { decision: "repeal", targetYear: "2025", absorbedById: String((await itemFor(period.id, "Strategi for psykisk helse og rus")).id) });
    // The workload counts revise and new per unit and year.
    const workload = await getWorkload(period, "Andre", "Uten enhet", client);
    const cell = (unit: string, year: number) => workload.cells.find((c) => c.unit === unit && c.year === year)?.n ?? 0;
    expect(cell("Plan og forvaltning", 2025)).toBe(3); // trafikksikkerhet (moved to the unit), næring, transport (bulk)
    expect(cell("Helse og omsorg", 2025)).toBe(2); // psykisk helse og rus, helse- og omsorgsstrategi (bulk)
    // Until adopted, the draft has changed no plan and written no plan's audit row.
    expect(await plansNow()).toEqual(before);
    expect(await client.auditEvent.count({ where: { entityType: "plan" } })).toBe(auditBefore);

    const lastAudit = (await client.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } })).id;
    const fresh = await client.strategyPeriod.findUniqueOrThrow({ where: { id: period.id } });
    const summary = await adoptDraft(me.id, adoptSchema.parse({ periodId: String(period.id), loadedAt: String(fresh.updatedAt.getTime()), adoptedOn: "2024-06-20", adoptedBy: "kommunestyret", caseNumber: "24/00123" }));
    expect(summary).toEqual({ decisions: 14, newPlans: 4, replaces: 2, unitsChanged: 1 });

    const created = await client.plan.findMany({ where: { title: { in: NEW_STRATEGIES.map((s) => s.title) } }, orderBy: { title: "asc" } });
    expect(created.map((p) => [p.title, p.type, p.status, p.responsibleUnit])).toEqual(
      NEW_STRATEGIES.map((s) => [s.title, "strategi", "planlagt", s.unit]).sort((a, b) => a[0]!.localeCompare(b[0]!)),
    );
    const psych = created.find((p) => p.title === "Strategi for psykisk helse og rus")!;
    const replaced = await client.planRelation.findMany({ where: { fromPlanId: psych.id }, include: { toPlan: { select: { title: true } } } });
    expect(replaced.map((r) => [r.kind, r.toPlan.title]).sort()).toEqual(ABSORBED.map((t) => ["replaces", t]).sort());
    const decisions = await client.strategyDecision.findMany({ where: { periodId: period.id }, include: { plan: { select: { title: true } } } });
    expect(Object.fromEntries(decisions.map((x) => [x.plan.title, [x.decision, x.targetYear]]))).toEqual({
      "Mangfolds- og inkluderingsstrategi": ["new", 2025], "Oppvekst- og utdanningsstrategi": ["new", 2025], "Helse- og omsorgsstrategi": ["new", 2025], Transportstrategi: ["new", 2025],
      "Kommuneplanens arealdel": ["revise", 2026], "Klima- og miljøplan": ["revise", 2024], Folkehelseplan: ["continue", null], Trafikksikkerhetsplan: ["revise", 2025],
      "Handlingsplan mot vold i nære relasjoner": ["repeal", 2025], "Handlingsplan for selvmordsforebygging": ["revise", 2026],
      "Næringsstrategi": ["new", 2025], Boligstrategi: ["new", 2026], Kulturstrategi: ["new", 2025], "Strategi for psykisk helse og rus": ["new", 2025],
    });
    expect(decisions.find((x) => x.plan.title === ABSORBED[0])!.note).toBe("Innarbeides i Strategi for psykisk helse og rus");
    expect((await client.plan.findFirstOrThrow({ where: { title: "Trafikksikkerhetsplan" } })).responsibleUnit).toBe("Plan og forvaltning");
    expect(await client.strategyPeriod.findUniqueOrThrow({ where: { id: period.id } })).toMatchObject({ adoptedOn: d("2024-06-20"), adoptedBy: "kommunestyret", caseNumber: "24/00123" });

    // Each change has its audit row, all written by the adoption; the period's is the last.
    const written = await client.auditEvent.findMany({ where: { id: { gt: lastAudit } }, orderBy: { id: "asc" } });
    const count = (type: string) => written.filter((e) => e.type === type).length;
    expect([count("plan.created"), count("plan.updated"), count("plan.decision_recorded"), count("period.adopted")]).toEqual([4, 1, 14, 1]);
    expect(written).toHaveLength(20);
    expect(written.at(-1)).toMatchObject({ type: "period.adopted", entityId: String(period.id), actorId: me.id });
    expect(written.find((e) => e.type === "plan.created" && e.entityId === String(psych.id))!.after).toMatchObject({ relations: ABSORBED.map(() => ({ kind: "replaces" })) });
    expect(written.every((e) => e.actorId === me.id)).toBe(true);

    // Adopted: the draft is closed.
    await expect(change(period.id, "Folkehelseplan", { decision: "revise" })).rejects.toMatchObject({ messageKey: "draftAdopted" });
  });

  it("two editors changing different rows at once both keep their change; on the same row the second is refused with who changed it", async () => {
    const period = await startDraft("Planstrategi 2032–2035", 2032);
    const [a, b] = await Promise.all([client.user.create({ data: { email: "a@draft.test", name: "Anne Redaktør", role: "editor" } }), client.user.create({ data: { email: "b@draft.test", name: "Bjørn Redaktør", role: "editor" } })]);
    const [klima, folk] = [await itemFor(period.id, "Klima- og miljøplan"), await itemFor(period.id, "Folkehelseplan")];
    const edit = (user: number, item: typeof klima, values: Record<string, string>) =>
      updateDraftItem(user, draftItemSchema.parse({ periodId: String(period.id), itemId: String(item.id), version: String(item.version), decision: item.decision ?? "undecided", targetYear: item.targetYear?.toString() ?? "", responsibleUnit: item.responsibleUnit ?? "", ...values }));
    await Promise.all([edit(a.id, klima, { targetYear: "2033" }), edit(b.id, folk, { decision: "continue", targetYear: "" })]);
    expect((await itemFor(period.id, "Klima- og miljøplan")).targetYear).toBe(2033);
    expect((await itemFor(period.id, "Folkehelseplan")).decision).toBe("continue");

    // Both from the same version of one row: exactly one wins, the other is told who.
    const loaded = await itemFor(period.id, "Klima- og miljøplan");
    const results = await Promise.allSettled([edit(a.id, loaded, { targetYear: "2034" }), edit(b.id, loaded, { targetYear: "2035" })]);
    const won = results.findIndex((r) => r.status === "fulfilled");
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult | undefined;
    expect(won).toBeGreaterThanOrEqual(0);
    expect(lost?.reason).toMatchObject({ messageKey: "draftConflict", values: { name: won === 0 ? "Anne Redaktør" : "Bjørn Redaktør" } });
    expect((await itemFor(period.id, "Klima- og miljøplan")).targetYear).toBe(won === 0 ? 2034 : 2035);
    expect(await client.auditEvent.count({ where: { type: "period.draft_changed", entityId: String(period.id) } })).toBe(3);
  });

  it("the table is a page of the draft under a filter and sort, whatever the draft's size", async () => {
    const period = await client.strategyPeriod.findFirstOrThrow({ where: { name: "Planstrategi 2032–2035" } });
    const page = await getDraftPage(period.id, draftParamsSchema.parse({ size: "10", sort: "due", dir: "desc" }), client);
    // Ten plans of the example data and the four strategies adopted above.
    expect(page).toMatchObject({ total: 14, pages: 2 });
    expect(page.rows).toHaveLength(10);
    expect(page.rows.map((r) => r.dueOn?.toISOString().slice(0, 10) ?? null).slice(0, 3)).toEqual(["2028-11-30", "2027-06-30", "2027-03-31"]);
    const undecided = await getDraftPage(period.id, draftParamsSchema.parse({ decision: "undecided" }), client);
    expect(undecided.rows.map((r) => r.title).sort()).toEqual(["Boligstrategi", "Helse- og omsorgsstrategi", "Kommuneplanens arealdel", "Kulturstrategi", "Mangfolds- og inkluderingsstrategi", "Næringsstrategi", "Oppvekst- og utdanningsstrategi", "Strategi for psykisk helse og rus", "Transportstrategi"]);
    const malformed = draftParamsSchema.parse({ size: "100000", page: "x", sort: "drop table", decision: "nonsense", q: "\u0000" });
    expect(malformed).toMatchObject({ size: 50, page: 1, sort: "title", decision: null });
  });
});

describe("the draft planprogram as a council document (the same exporter as an adopted one)", () => {
  it("in Word and Excel has every row of the draft with its proposed decision, target year and unit, a new plan and what it absorbs", async () => {
    const period = await startDraft("Planstrategi 2036–2039", 2036);
    const me = await editor();
    await change(period.id, "Folkehelseplan", { decision: "revise", targetYear: "2037", responsibleUnit: "Folkehelse og frisklivssentral" });
    const absorbed = await itemFor(period.id, "Trafikksikkerhetsplan");
    await addDraftPlan(me.id, draftNewPlanSchema.parse({ periodId: String(period.id), title: "Mobilitetsstrategi", type: "strategi", targetYear: "2038", responsibleUnit: "Plan og forvaltning", absorbs: [String(absorbed.id)] }));

    const drafted = await items(period.id);
    const rows = await draftProgramBatch(period.id, 0, client);
    expect(rows).toHaveLength(drafted.length);
    expect(rows.map((r) => r.plan.title).sort()).toEqual(drafted.map((i) => i.plan?.title ?? i.title!).sort());
    // Each row as the draft has it, the undecided ("vurderes") included, after the decided ones.
    for (const i of drafted) expect(rows.find((r) => r.plan.title === (i.plan?.title ?? i.title))).toMatchObject({ decision: i.decision, targetYear: i.targetYear, plan: { responsibleUnit: i.responsibleUnit } });
    const order = ["new", "revise", "continue", "repeal", null];
    const ranks = rows.map((r) => order.indexOf(r.decision));
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    expect(rows.some((r) => r.decision === null)).toBe(true);

    const meta = { municipality: "Røros kommune", title: `Utkast til planprogram: ${period.name}`, period: "2036–2039", printedOn: d("2026-11-26"), locale: "nb" as const, caseLinkTemplate: null };
    const lines = (await mammoth.extractRawText({ buffer: await planprogramDocument("docx", meta, rows) })).value.split("\n").map((l) => l.trim()).filter(Boolean);
    expect(lines.slice(0, 3)).toEqual(["Røros kommune", "Utkast til planprogram: Planstrategi 2036–2039", "2036–2039"]);
    for (const r of rows) expect(lines).toContain(r.plan.title);
    expect(lines).toEqual(expect.arrayContaining(["Ny plan", "Vurderes", "Innarbeides i", "Folkehelse og frisklivssentral"]));
    // The new plan heads the document, under its heading; it is named again on the row it absorbs.
    expect(lines.indexOf("Ny plan")).toBeLessThan(lines.indexOf("Mobilitetsstrategi"));
    expect(lines.filter((l) => l === "Mobilitetsstrategi")).toHaveLength(2);

    const sheet = XLSX.read(await planprogramDocument("xlsx", meta, rows), { type: "buffer" }).Sheets.Planprogram!;
    const table = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true });
    expect(table[4]).toEqual(["Plan", "Type", "Vedtatt", "Saksnummer", "Vedtak", "Målår", "Ansvarlig enhet", "Status", "Innarbeides i"]);
    const planRows = table.slice(5).filter((r) => r.length > 1);
    expect(planRows.map((r) => r[0])).toEqual(rows.map((r) => r.plan.title));
    const byTitle = (title: string) => planRows.find((r) => r[0] === title)!;
    // A new plan has no status yet: that cell is left empty.
    expect(byTitle("Mobilitetsstrategi").slice(0, 7)).toEqual(["Mobilitetsstrategi", "Strategi", undefined, undefined, "Ny plan", 2038, "Plan og forvaltning"]);
    expect(byTitle("Mobilitetsstrategi")[7] ?? null).toBeNull();
    expect(byTitle("Folkehelseplan").slice(4, 7)).toEqual(["Revideres", 2037, "Folkehelse og frisklivssentral"]);
    expect(byTitle("Trafikksikkerhetsplan")[8]).toBe("Mobilitetsstrategi");
    expect(byTitle("Kommuneplanens arealdel")[4]).toBe("Vurderes");
  });
});
