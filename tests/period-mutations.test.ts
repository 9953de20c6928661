// Planning-strategy periods: audited writes, validation next to the field, no lost updates.
import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import nb from "../lib/i18n/messages/nb.json";
import { executeAction, type Translate } from "../lib/action-core";
import { db } from "../lib/db";
import { createPeriod, deletePeriod, updatePeriod } from "../lib/periods/mutations";
import { recordDecision, removeDecision } from "../lib/plans/mutations";
import { createPlan } from "./support/factories";
import { periodCreateSchema, periodUpdateSchema } from "../lib/periods/schema";
import { unique } from "./support/factories";
import { createUser } from "./support/users";

const t = createTranslator({ locale: "nb", messages: nb }) as unknown as Translate;
const form = (extra: Record<string, string> = {}) => ({ name: unique("Planstrategi"), startYear: "2024", endYear: "2027", councilConstitutedOn: "2023-10-19", ...extra });
const audit = (id: number) => db.auditEvent.findMany({ where: { entityType: "strategy_period", entityId: String(id) }, orderBy: { id: "asc" } });
const save = (raw: Record<string, string>, actorId: number) =>
  executeAction(periodCreateSchema, raw, async (input) => { await createPeriod(actorId, input); return { ok: true, data: undefined }; }, t);

describe("planning-strategy periods", () => {
  it("create and edit each write one audit row with before and after", async () => {
    const editor = await createUser("editor");
    const { id } = await createPeriod(editor.id, periodCreateSchema.parse(form({ councilConstitutedOn: "2023-10-19" })));
    const period = await db.strategyPeriod.findUniqueOrThrow({ where: { id } });
    await updatePeriod(editor.id, periodUpdateSchema.parse({ ...form({ name: period.name, plannedMeetingOn: "2024-09-12", decisionUrl: "https://example.org/sak/24-42" }), id: String(id), loadedAt: String(period.updatedAt.getTime()) }));
    const events = await audit(id);
    expect(events.map((e) => e.type)).toEqual(["period.created", "period.updated"]);
    expect(events[1]).toMatchObject({ actorId: editor.id, before: { plannedMeetingOn: null, councilConstitutedOn: "2023-10-19" }, after: { plannedMeetingOn: "2024-09-12", decisionUrl: "https://example.org/sak/24-42" } });
  });

  it("a new strategy needs the constitution date, and is a draft: an edit cannot adopt it", async () => {
    const editor = await createUser("editor");
    const missing = await save(form({ councilConstitutedOn: "" }), editor.id);
    expect(missing).toMatchObject({ ok: false, code: "invalid", fieldErrors: { councilConstitutedOn: [t("validation.required")] } });
    // Adoption fields on the create form are not taken: a new strategy is never born adopted.
    const { id } = await createPeriod(editor.id, periodCreateSchema.parse(form({ adoptedOn: "2024-06-01", adoptedBy: "kommunestyret" })));
    const period = await db.strategyPeriod.findUniqueOrThrow({ where: { id } });
    expect(period.adoptedOn).toBeNull();
    const edit = periodUpdateSchema.parse({ ...form({ name: period.name, adoptedOn: "2024-06-01", adoptedBy: "kommunestyret" }), id: String(id), loadedAt: String(period.updatedAt.getTime()) });
    await expect(updatePeriod(editor.id, edit)).rejects.toMatchObject({ messageKey: "adoptViaDraft", field: "adoptedOn" });
    expect((await db.strategyPeriod.findUniqueOrThrow({ where: { id } })).adoptedOn).toBeNull();
  });

  it("refuses an edit made from an older version, and keeps the newer one", async () => {
    const editor = await createUser("editor");
    const { id } = await createPeriod(editor.id, periodCreateSchema.parse(form()));
    const loaded = await db.strategyPeriod.findUniqueOrThrow({ where: { id } });
    const edit = (caseNumber: string) => periodUpdateSchema.parse({ ...form({ name: loaded.name, caseNumber }), id: String(id), loadedAt: String(loaded.updatedAt.getTime()) });
    await updatePeriod(editor.id, edit("24/1"));
    await expect(updatePeriod(editor.id, edit("24/2"))).rejects.toMatchObject({ messageKey: "periodConflict" });
    expect((await db.strategyPeriod.findUniqueOrThrow({ where: { id } })).caseNumber).toBe("24/1");
    expect(await audit(id)).toHaveLength(2);
  });

  it("a taken name is reported at the name field", async () => {
    const editor = await createUser("editor");
    const name = unique("Planstrategi");
    await createPeriod(editor.id, periodCreateSchema.parse(form({ name })));
    const result = await save(form({ name }), editor.id);
    expect(result).toMatchObject({ ok: false, code: "conflict", fieldErrors: { name: [t("errors.periodNameTaken")] } });
  });

  it.each([
    [{ endYear: "2023" }, "endYear", "validation.periodOrder"],
    [{ endYear: "2040" }, "endYear", "validation.periodTooLong"],
    [{ adoptedOn: "2024-06-01" }, "adoptedBy", "validation.adoptedNeedsBody"],
    [{ councilConstitutedOn: "2023-10-19", adoptedOn: "2023-10-01", adoptedBy: "kommunestyret" }, "adoptedOn", "validation.adoptedBeforeConstituted"],
    [{ draftPublishedOn: "2024-07-01", adoptedOn: "2024-06-01", adoptedBy: "kommunestyret" }, "draftPublishedOn", "validation.draftAfterAdoption"],
    [{ councilConstitutedOn: "2023-02-30" }, "councilConstitutedOn", "validation.date"],
    [{ startYear: "tjue" }, "startYear", "validation.year"],
    [{ decisionUrl: "javascript:alert(1)" }, "decisionUrl", "validation.url"],
  ])("refuses %j at %s and writes nothing", async (extra, field, key) => {
    const editor = await createUser("editor");
    const raw = form(extra as Record<string, string>);
    const result = await save(raw, editor.id);
    expect(result).toMatchObject({ ok: false, code: "invalid" });
    expect(result.ok ? [] : result.fieldErrors?.[field]).toContain(t(key));
    expect(await db.strategyPeriod.count({ where: { name: raw.name } })).toBe(0);
  });

  it("an editor deletes a draft; an adopted strategy only an admin, with a reason; each deletion audited", async () => {
    const [editor, admin] = [await createUser("editor"), await createUser("admin")];
    const draft = await createPeriod(editor.id, periodCreateSchema.parse(form()));
    await deletePeriod(editor, { periodId: draft.id, reason: "" });
    expect(await db.strategyPeriod.count({ where: { id: draft.id } })).toBe(0);
    expect(await db.strategyDraftItem.count({ where: { periodId: draft.id } })).toBe(0);
    const adopted = await db.strategyPeriod.create({ data: { name: unique("Planstrategi"), startYear: 2016, endYear: 2019, adoptedOn: new Date("2016-10-01T00:00:00Z"), adoptedBy: "kommunestyret" } });
    await expect(deletePeriod(editor, { periodId: adopted.id, reason: "feil" })).rejects.toMatchObject({ code: "forbidden", messageKey: "periodAdoptedDelete" });
    await expect(deletePeriod(admin, { periodId: adopted.id, reason: "" })).rejects.toMatchObject({ messageKey: "periodDeleteReason", field: "reason" });
    expect(await db.strategyPeriod.count({ where: { id: adopted.id } })).toBe(1);
    await deletePeriod(admin, { periodId: adopted.id, reason: "Registrert to ganger" });
    const events = await db.auditEvent.findMany({ where: { type: "period.deleted", entityId: { in: [String(draft.id), String(adopted.id)] } }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.entityId, e.actorId, (e.after as { reason: string }).reason])).toEqual([[String(draft.id), editor.id, ""], [String(adopted.id), admin.id, "Registrert to ganger"]]);
  });

  it("a decision can be removed, and the audit log keeps what it was", async () => {
    const editor = await createUser("editor");
    const plan = await createPlan();
    const { id: periodId } = await createPeriod(editor.id, periodCreateSchema.parse(form()));
    await recordDecision(editor.id, { planId: plan.id, periodId, decision: "revise", targetYear: 2026, note: "" });
    await removeDecision(editor.id, { planId: plan.id, periodId });
    expect(await db.strategyDecision.count({ where: { planId: plan.id } })).toBe(0);
    const removed = await db.auditEvent.findFirstOrThrow({ where: { type: "plan.decision_removed", entityId: String(plan.id) } });
    expect(removed).toMatchObject({ actorId: editor.id, before: { decision: "revise", targetYear: 2026 } });
    await expect(removeDecision(editor.id, { planId: plan.id, periodId })).rejects.toMatchObject({ code: "not_found" });
  });
});
