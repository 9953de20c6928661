import { isDatabaseUnavailable } from "../lib/db-errors";
import { describe, expect, it } from "vitest";
import pg from "pg";
import { inject } from "vitest";
import { db } from "../lib/db";
import { createPlan, PlanConflict, setArchived, updatePlan } from "../lib/plans/mutations";
import { planCreateSchema, planUpdateSchema } from "../lib/plans/schema";
import { createUser } from "./support/users";
import { unique } from "./support/factories";

const form = (extra: Record<string, unknown> = {}) => ({ title: unique("Plan"), type: "temaplan", status: "planlagt", ...extra });
const create = async (actorId: number, extra: Record<string, unknown> = {}) => createPlan(actorId, planCreateSchema.parse(form(extra)));
const editForm = async (id: number, extra: Record<string, unknown> = {}) => {
  const plan = await db.plan.findUniqueOrThrow({ where: { id } });
  return planUpdateSchema.parse({ id: String(id), version: String(plan.version), title: plan.title, type: plan.type, status: plan.status, ...extra });
};
const auditCount = (id: number) => db.auditEvent.count({ where: { entityType: "plan", entityId: String(id) } });

describe("plan mutations", () => {
  it("create, edit, archive and restore each write exactly one audit event with before and after", async () => {
    const editor = await createUser("editor");
    const { id } = await create(editor.id, { targets: ["3.4", "11.2"], documentLabel: ["Vedtak"], documentUrl: ["https://example.org/v.pdf"] });
    expect(await auditCount(id)).toBe(1);
    await updatePlan(editor.id, await editForm(id, { status: "vedtatt", adoptedOn: "2024-05-02", adoptedBy: "kommunestyret", targets: ["3.4"] }));
    expect(await auditCount(id)).toBe(2);
    await setArchived(editor.id, id, 2, true);
    await setArchived(editor.id, id, 3, false);
    const events = await db.auditEvent.findMany({ where: { entityType: "plan", entityId: String(id) }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.type)).toEqual(["plan.created", "plan.updated", "plan.archived", "plan.restored"]);
    expect(events[1]).toMatchObject({ actorId: editor.id, before: { status: "planlagt", targets: ["11.2", "3.4"], version: 1 }, after: { status: "vedtatt", adoptedOn: "2024-05-02", targets: ["3.4"], version: 2 } });
    expect((await db.plan.findUniqueOrThrow({ where: { id } })).version).toBe(4);
  });

  it("a title is unique among active plans of one type, whatever the case", async () => {
    const editor = await createUser("editor");
    const title = unique("Kulturplan");
    await create(editor.id, { title });
    await expect(create(editor.id, { title: title.toUpperCase() })).rejects.toMatchObject({ messageKey: "titleTaken", field: "title" });
    await expect(create(editor.id, { title, type: "strategi" })).resolves.toBeTruthy();
  });

  it("a plan cannot relate to itself nor close a circle of 'replaces'", async () => {
    const editor = await createUser("editor");
    const a = await create(editor.id);
    const b = await create(editor.id, { relationKind: ["replaces"], relationPlanId: [String(a.id)] });
    const c = await create(editor.id, { relationKind: ["replaces"], relationPlanId: [String(b.id)] });
    await expect(updatePlan(editor.id, await editForm(a.id, { relationKind: ["supports"], relationPlanId: [String(a.id)] }))).rejects.toMatchObject({ messageKey: "relationSelf" });
    await expect(updatePlan(editor.id, await editForm(a.id, { relationKind: ["replaces"], relationPlanId: [String(c.id)] }))).rejects.toMatchObject({ messageKey: "relationCycle" });
    // Other kinds may point back.
    await expect(updatePlan(editor.id, await editForm(a.id, { relationKind: ["supports"], relationPlanId: [String(c.id)] }))).resolves.toBeTruthy();
  });

  it("refusing a taken title links to the plan that has it", async () => {
    const editor = await createUser("editor");
    const title = unique("Boligplan");
    const existing = await create(editor.id, { title });
    await expect(create(editor.id, { title })).rejects.toMatchObject({ messageKey: "titleTaken", link: { href: `/plans/${existing.id}`, values: { title } } });
  });

  it("a plan in force that replaces another ends it in the same save, on the old plan's history", async () => {
    const editor = await createUser("editor");
    const adopted = { status: "vedtatt", adoptedOn: "16.6.2022", adoptedBy: "kommunestyret" };
    const old = await create(editor.id, adopted);
    const draft = await create(editor.id, { relationKind: ["replaces"], relationPlanId: [String(old.id)] });
    // Not yet in force: the old plan still applies.
    expect((await db.plan.findUniqueOrThrow({ where: { id: old.id } })).status).toBe("vedtatt");
    await updatePlan(editor.id, await editForm(draft.id, { ...adopted, relationKind: ["replaces"], relationPlanId: [String(old.id)] }));
    const ended = await db.plan.findUniqueOrThrow({ where: { id: old.id } });
    expect(ended).toMatchObject({ status: "erstattet", version: 2 });
    const events = await db.auditEvent.findMany({ where: { entityType: "plan", entityId: String(old.id) }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.type)).toEqual(["plan.created", "plan.replaced"]);
    expect(events[1]).toMatchObject({ actorId: editor.id, before: { status: "vedtatt", version: 1 }, after: { status: "erstattet", version: 2, replacedBy: { id: draft.id } } });
    // Someone who had the old plan open cannot overwrite that unknowingly.
    await expect(setArchived(editor.id, old.id, 1, true)).rejects.toBeInstanceOf(PlanConflict);
  });

  it("adding 'replaces' to an adopted plan ends the other; removing it or editing again revives and re-ends nothing", async () => {
    const editor = await createUser("editor");
    const adopted = { status: "vedtatt", adoptedOn: "2022-06-16", adoptedBy: "kommunestyret" };
    const old = await create(editor.id, adopted);
    const repealed = await create(editor.id, { status: "opphevet" });
    const current = await create(editor.id, adopted);
    const replaces = { relationKind: ["replaces", "replaces"], relationPlanId: [String(old.id), String(repealed.id)] };
    await updatePlan(editor.id, await editForm(current.id, { ...adopted, ...replaces }));
    expect((await db.plan.findUniqueOrThrow({ where: { id: old.id } })).status).toBe("erstattet");
    // A repealed plan stays repealed.
    expect((await db.plan.findUniqueOrThrow({ where: { id: repealed.id } })).status).toBe("opphevet");
    // Someone puts the old plan back in force by hand; an unrelated edit of the new one leaves it so.
    await updatePlan(editor.id, await editForm(old.id, adopted));
    await updatePlan(editor.id, await editForm(current.id, { ...adopted, ...replaces, summary: "Ny tekst" }));
    expect((await db.plan.findUniqueOrThrow({ where: { id: old.id } })).status).toBe("vedtatt");
    // Removing the relation changes nothing on the other plan.
    const other = await create(editor.id, adopted);
    await updatePlan(editor.id, await editForm(current.id, { ...adopted, relationKind: ["replaces"], relationPlanId: [String(other.id)] }));
    expect((await db.plan.findUniqueOrThrow({ where: { id: other.id } })).status).toBe("erstattet");
    await updatePlan(editor.id, await editForm(current.id, adopted));
    expect(await db.plan.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ status: "erstattet", version: 2 });
  });

  it("a stale save is refused with what the other person changed, and overwrites nothing", async () => {
    const [kari, ola] = [await createUser("editor"), await createUser("editor")];
    const { id } = await create(kari.id);
    const stale = await editForm(id, { summary: "Olas tekst" });
    await updatePlan(kari.id, await editForm(id, { responsibleUnit: "Kultur", summary: "Karis tekst" }));
    const error = await updatePlan(ola.id, stale).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanConflict);
    expect((error as PlanConflict).changes.map((c) => [c.actorName, c.fields.map((f) => f.field)])).toEqual([[kari.name, ["responsibleUnit", "summary"]]]);
    expect(await db.plan.findUniqueOrThrow({ where: { id } })).toMatchObject({ summary: "Karis tekst", version: 2 });
    await expect(setArchived(ola.id, id, 1, true)).rejects.toBeInstanceOf(PlanConflict);
    await expect(updatePlan(ola.id, { ...stale, id: 2_000_000_000 })).rejects.toMatchObject({ code: "not_found" });
  });

  it("a failure after the update and before the audit write leaves neither", async () => {
    const editor = await createUser("editor");
    const { id } = await create(editor.id);
    const admin = new pg.Client({ connectionString: inject("databaseUrl") });
    await admin.connect();
    // A real database failure at the audit insert, for this plan only.
    const fn = `fail_audit_${id}`;
    await admin.query(`CREATE FUNCTION ${fn}() RETURNS trigger AS $$ BEGIN IF NEW.entity_id = '${id}' AND NEW.type = 'plan.updated' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await admin.query(`CREATE TRIGGER ${fn} BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION ${fn}()`);
    try {
      await expect(updatePlan(editor.id, await editForm(id, { title: "Skal ikke lagres", targets: ["13.2"] }))).rejects.toThrow(/injected failure/);
      // Read back on a separate connection: what the database holds, not what a pooled client saw.
      const { rows } = await admin.query(`SELECT p.version, p.title, (SELECT count(*)::int FROM plan_targets t WHERE t.plan_id = p.id) AS targets, (SELECT count(*)::int FROM audit_events a WHERE a.entity_type = 'plan' AND a.entity_id = p.id::text) AS audits FROM plans p WHERE p.id = $1`, [id]);
      expect(rows).toEqual([{ version: 1, title: expect.not.stringMatching("Skal ikke lagres"), targets: 0, audits: 1 }]);
    } finally {
      await admin.query(`DROP TRIGGER ${fn} ON audit_events; DROP FUNCTION ${fn}()`);
      await admin.end();
    }
  });
  it("500 concurrent saves from the same stale version: exactly one wins", async () => {
    const editor = await createUser("editor");
    const { id } = await create(editor.id);
    const base = await editForm(id);
    const results = await Promise.allSettled(Array.from({ length: 500 }, (_, i) => updatePlan(editor.id, { ...base, summary: `Lagring ${i}` })));
    const won = results.filter((r) => r.status === "fulfilled").length;
    const conflicts = results.filter((r) => r.status === "rejected" && r.reason instanceof PlanConflict).length;
    // 500 at once on a pool of 10: saves that wait longer than the bounded pool wait are refused
    // as "the database does not answer" (decision 016) — refused, never half-written.
    const busy = results.filter((r) => r.status === "rejected" && !(r.reason instanceof PlanConflict));
    for (const r of busy) expect(isDatabaseUnavailable((r as PromiseRejectedResult).reason), String((r as PromiseRejectedResult).reason)).toBe(true);
    expect(won).toBe(1);
    expect(conflicts + busy.length).toBe(499);
    expect(conflicts).toBeGreaterThan(0);
    expect((await db.plan.findUniqueOrThrow({ where: { id } })).version).toBe(1 + won);
    expect(await db.auditEvent.count({ where: { entityType: "plan", entityId: String(id), type: "plan.updated" } })).toBe(won);
  }, 120_000);

});

describe("planning-strategy decisions", () => {
  it("recording a decision twice for one period updates it, each time with an audit event", async () => {
    const { recordDecision } = await import("../lib/plans/mutations");
    const editor = await createUser("editor");
    const { id } = await create(editor.id);
    const period = await db.strategyPeriod.create({ data: { name: unique("Planstrategi"), startYear: 2024, endYear: 2027 } });
    await recordDecision(editor.id, { planId: id, periodId: period.id, decision: "revise", targetYear: 2025, note: "" });
    await recordDecision(editor.id, { planId: id, periodId: period.id, decision: "repeal", targetYear: null, note: "Erstattes" });
    expect(await db.strategyDecision.findMany({ where: { planId: id }, select: { decision: true, note: true } })).toEqual([{ decision: "repeal", note: "Erstattes" }]);
    const events = await db.auditEvent.findMany({ where: { entityId: String(id), type: "plan.decision_recorded" }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.before, e.after])).toEqual([
      [null, { period: period.name, decision: "revise", targetYear: 2025, note: "" }],
      [{ period: period.name, decision: "revise", targetYear: 2025, note: "" }, { period: period.name, decision: "repeal", targetYear: null, note: "Erstattes" }],
    ]);
    await expect(recordDecision(editor.id, { planId: id, periodId: 2_000_000_000, decision: "new", targetYear: null, note: "" })).rejects.toMatchObject({ messageKey: "periodUnknown" });
  });
});
