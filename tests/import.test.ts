// The import against a real PostgreSQL: an exported file changed by another library (SheetJS, as
// a person would in Excel) comes back as exactly those changes; apply is all or nothing, with one
// audit row per plan; the same file twice changes nothing; conflicts and ambiguity are refused.
import * as XLSX from "xlsx";
import { describe, expect, it } from "vitest";
import { db } from "../lib/db";
import { DomainError } from "../lib/errors";
import { applyImport } from "../lib/import/apply";
import { updatePlan } from "../lib/plans/mutations";
import { NO_STAGES } from "../lib/plans/schema";
import { planSnapshot, planSnapshotInclude } from "../lib/plans/snapshot";
import { planListOrder, planListParamsSchema, planListWhere } from "../lib/plans/list";
import { plansDownload } from "../lib/spreadsheet/export";
import { createPlan, unique } from "./support/factories";
import { createUser } from "./support/users";
import { bodyOf, preview } from "./support/import";

const today = new Date("2026-11-26T00:00:00Z");

async function exported(unit: string, format: "xlsx" | "csv" = "xlsx") {
  const params = planListParamsSchema.parse({ unit });
  return bodyOf(plansDownload(format, "planregister", planListWhere(params), planListOrder(params), "nb", today));
}

async function threePlans() {
  const unit = unique("Importenhet");
  const plans = [];
  for (const [i, type] of (["temaplan", "strategi", "handlingsplan"] as const).entries()) {
    plans.push(await createPlan({ title: `Plan ${i} ${unit}`, type, status: "vedtatt", adoptedOn: new Date("2019-05-23T00:00:00Z"), adoptedBy: "kommunestyret", revisionDueOn: new Date("2027-01-01T00:00:00Z"), responsibleUnit: unit, targets: { create: [{ targetCode: "3.4" }] } }));
  }
  return { unit, plans };
}

/** Changes cells through SheetJS, as a person would in Excel, and writes the workbook again. */
function edit(file: Buffer, change: (sheet: XLSX.WorkSheet, rows: unknown[][]) => void): Buffer {
  const workbook = XLSX.read(file, { type: "buffer", cellDates: false });
  const sheet = workbook.Sheets[workbook.SheetNames[0]!]!;
  change(sheet, XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true }));
  return XLSX.write(workbook, { type: "buffer", bookType: "xlsx" }) as Buffer;
}

const rowIndexOf = (rows: unknown[][], id: number) => rows.findIndex((r) => r[0] === id);
const set = (sheet: XLSX.WorkSheet, r: number, c: number, value: string | number) => XLSX.utils.sheet_add_aoa(sheet, [[value]], { origin: { r, c } });

describe("importing an edited export", () => {
  it("previews exactly the changed cells and the added row, applies them in one go with one audit row each, and the same file twice changes nothing", async () => {
    const editor = await createUser("editor");
    const { unit, plans } = await threePlans();
    const [p0, p1] = plans;
    const file = edit(await exported(unit), (sheet, rows) => {
      set(sheet, rowIndexOf(rows, p0!.id), 2, `Endret tittel ${unit}`);
      set(sheet, rowIndexOf(rows, p0!.id), 7, "21/00042");
      set(sheet, rowIndexOf(rows, p1!.id), 4, "under_revisjon");
      XLSX.utils.sheet_add_aoa(sheet, [[null, null, `Ny plan ${unit}`, "temaplan", "planlagt", null, null, null, null, "15.06.2028", null, null, unit, null, "Nei", "3.4; 11.3"]], { origin: -1 });
    });
    const { rows, upload } = await preview(editor.id, "planer.xlsx", file);
    const byKind = (k: string) => rows.filter((r) => r.kind === k);
    expect(rows.filter((r) => r.errors.length)).toEqual([]);
    expect(byKind("changed").map((r) => [r.planId, r.changes.map((c) => [c.field, c.from, c.to])])).toEqual([
      [p0!.id, [["title", p0!.title, `Endret tittel ${unit}`], ["caseNumber", null, "21/00042"]]],
      [p1!.id, [["status", "vedtatt", "under_revisjon"]]],
    ]);
    expect(byKind("unchanged")).toHaveLength(1);
    expect(byKind("new").map((r) => r.title)).toEqual([`Ny plan ${unit}`]);
    expect(await db.plan.count({ where: { responsibleUnit: unit } })).toBe(3);

    expect(await applyImport(upload, editor.id)).toEqual({ created: 1, updated: 2 });
    const after = await db.plan.findMany({ where: { responsibleUnit: unit }, orderBy: { id: "asc" }, include: { targets: true } });
    expect(after.map((p) => [p.title, p.status, p.caseNumber, p.version])).toEqual([
      [`Endret tittel ${unit}`, "vedtatt", "21/00042", 2],
      [p1!.title, "under_revisjon", null, 2],
      [plans[2]!.title, "vedtatt", null, 1],
      [`Ny plan ${unit}`, "planlagt", null, 1],
    ]);
    expect(after[3]!.revisionDueOn?.toISOString().slice(0, 10)).toBe("2028-06-15");
    expect(after[3]!.targets.map((t) => t.targetCode).sort()).toEqual(["11.3", "3.4"]);
    const audit = await db.auditEvent.findMany({ where: { actorId: editor.id, type: "plan.imported" }, orderBy: { id: "asc" } });
    expect(audit.map((e) => Number(e.entityId)).sort()).toEqual([p0!.id, p1!.id, after[3]!.id].sort());
    expect(audit.every((e) => (e.after as { importFile: string }).importFile === "planer.xlsx")).toBe(true);

    // A double submit of the same preview is refused, and the same file again changes nothing.
    await expect(applyImport(upload, editor.id)).rejects.toMatchObject({ messageKey: "importApplied" });
    const again = await preview(editor.id, "planer.xlsx", file);
    expect(again.rows.map((r) => r.kind)).toEqual(["unchanged", "unchanged", "unchanged", "unchanged"]);
    expect(await applyImport(again.upload, editor.id)).toEqual({ created: 0, updated: 0 });
    expect(await db.auditEvent.count({ where: { actorId: editor.id } })).toBe(3);
  });

  it("shows a row whose plan changed since the export as a conflict and writes nothing", async () => {
    const editor = await createUser("editor");
    const { unit, plans } = await threePlans();
    const file = edit(await exported(unit), (sheet, rows) => {
      set(sheet, rowIndexOf(rows, plans[0]!.id), 7, "22/1");
      XLSX.utils.sheet_add_aoa(sheet, [[null, null, `Ny ${unit}`, "temaplan", "planlagt"]], { origin: -1 });
    });
    const p = plans[0]!;
    await updatePlan(editor.id, { id: p.id, version: 1, title: p.title, type: p.type, status: p.status, adoptedOn: p.adoptedOn, adoptedBy: p.adoptedBy, caseNumber: null, decisionUrl: null, revisionDueOn: p.revisionDueOn, periodFromYear: null, periodToYear: null, responsibleUnit: unit, ownerId: null, summary: "Endret av en annen", legallyRequired: false, publicDraft: false, targets: ["3.4"], documents: [], relations: [], ...NO_STAGES });
    const { rows, upload } = await preview(editor.id, "planer.xlsx", file);
    expect(rows.find((r) => r.planId === p.id)?.kind).toBe("conflict");
    await expect(applyImport(upload, editor.id)).rejects.toMatchObject({ messageKey: "importHasErrors" });
    expect(await db.plan.count({ where: { responsibleUnit: unit } })).toBe(3);
    expect((await db.plan.findUniqueOrThrow({ where: { id: p.id } })).caseNumber).toBeNull();
  });

  it("rolls everything back when a plan changes between the preview and apply", async () => {
    const editor = await createUser("editor");
    const { unit, plans } = await threePlans();
    const file = edit(await exported(unit), (sheet, rows) => {
      set(sheet, rowIndexOf(rows, plans[1]!.id), 7, "23/9");
      XLSX.utils.sheet_add_aoa(sheet, [[null, null, `Ny ${unit}`, "temaplan", "planlagt"]], { origin: -1 });
    });
    const { upload, rows } = await preview(editor.id, "planer.xlsx", file);
    await db.plan.update({ where: { id: plans[1]!.id }, data: { version: { increment: 1 } } });
    const error = await applyImport(upload, editor.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ messageKey: "importConflict", values: { rows: String(rows.find((r) => r.planId === plans[1]!.id)!.rowNumber) } });
    expect(await db.plan.count({ where: { responsibleUnit: unit } })).toBe(3);
    expect(await db.auditEvent.count({ where: { actorId: editor.id } })).toBe(0);
  });
});

describe("what apply writes", () => {
  const snapshotNow = async (id: number) => planSnapshot(await db.plan.findUniqueOrThrow({ where: { id }, include: planSnapshotInclude }));
  const col = { title: 2, type: 3, status: 4, targets: 15, documents: 17, relations: 18 };

  it("writes targets, documents in order and relations of changed and new plans, each audit row holds the plan as it was and as it now is, and a plan in force ends the plans it newly replaces", async () => {
    const editor = await createUser("editor");
    const { unit, plans } = await threePlans();
    const [p0, p1, p2] = plans;
    const before0 = await snapshotNow(p0!.id);
    const file = edit(await exported(unit), (sheet, rows) => {
      const r = rowIndexOf(rows, p0!.id);
      set(sheet, r, col.targets, "5.2; 11.3; 3.4");
      set(sheet, r, col.documents, "Planbeskrivelse | https://x.no/a.pdf\nKart | https://x.no/b.pdf");
      set(sheet, r, col.relations, `erstatter: ${p2!.id}`);
      const added: (string | null)[] = Array(19).fill(null);
      Object.assign(added, { [col.title]: `Ny ${unit}`, [col.type]: "strategi", [col.status]: "planlagt", [col.targets]: "17.1; 3.4", [col.documents]: "Vedlegg | https://x.no/c.pdf", [col.relations]: `erstatter: ${p1!.id}` });
      XLSX.utils.sheet_add_aoa(sheet, [added], { origin: -1 });
    });
    const { rows, upload } = await preview(editor.id, "lister.xlsx", file);
    expect(rows.filter((r) => r.errors.length)).toEqual([]);
    expect(await applyImport(upload, editor.id)).toEqual({ created: 1, updated: 1 });

    expect((await db.planDocument.findMany({ where: { planId: p0!.id }, orderBy: { sortOrder: "asc" } })).map((d) => [d.sortOrder, d.label])).toEqual([[0, "Planbeskrivelse"], [1, "Kart"]]);
    const now0 = await snapshotNow(p0!.id);
    expect(now0).toMatchObject({
      targets: ["11.3", "3.4", "5.2"], version: 2,
      documents: [{ label: "Planbeskrivelse", url: "https://x.no/a.pdf" }, { label: "Kart", url: "https://x.no/b.pdf" }],
      relations: [{ kind: "replaces", toPlanId: p2!.id }],
    });
    const created = await db.plan.findFirstOrThrow({ where: { title: `Ny ${unit}` } });
    const nowNew = await snapshotNow(created.id);
    expect(nowNew).toMatchObject({ type: "strategi", status: "planlagt", targets: ["17.1", "3.4"], documents: [{ label: "Vedlegg", url: "https://x.no/c.pdf" }], relations: [{ kind: "replaces", toPlanId: p1!.id }], version: 1, archived: false });

    const audit = await db.auditEvent.findMany({ where: { actorId: editor.id, type: "plan.imported" }, orderBy: { id: "asc" } });
    expect(audit.map((e) => [e.entityType, e.entityId, e.before, e.after])).toEqual([
      ["plan", String(p0!.id), before0, { ...now0, importFile: "lister.xlsx" }],
      ["plan", String(created.id), null, { ...nowNew, importFile: "lister.xlsx" }],
    ]);

    // As through the form: the plan in force that now replaces p2 ends it; the planned one does not end p1.
    const replaced = await db.auditEvent.findMany({ where: { actorId: editor.id, type: "plan.replaced" } });
    expect(replaced.map((e) => [e.entityId, (e.before as { status: string }).status, e.after])).toEqual([
      [String(p2!.id), "vedtatt", { ...(await snapshotNow(p2!.id)), replacedBy: { id: p0!.id, title: p0!.title } }],
    ]);
    expect(await snapshotNow(p2!.id)).toMatchObject({ status: "erstattet", version: 2 });
    expect((await snapshotNow(p1!.id)).status).toBe("vedtatt");

    // Put back in force on purpose, p2 is not ended again by a later import that leaves the relation as it was.
    await db.plan.update({ where: { id: p2!.id }, data: { status: "vedtatt", version: { increment: 1 } } });
    await db.plan.update({ where: { id: p0!.id }, data: { ownerId: editor.id, adoptedOn: new Date("2020-12-10T00:00:00Z"), periodFromYear: 2020, periodToYear: 2023, publicDraft: true, version: { increment: 1 } } });
    const beforeSecond = await snapshotNow(p0!.id);
    const again = edit(await exported(unit), (sheet, rows) => set(sheet, rowIndexOf(rows, p0!.id), 7, "26/7"));
    const second = await preview(editor.id, "igjen.xlsx", again);
    expect(second.rows.filter((r) => r.kind !== "unchanged").map((r) => [r.planId, r.kind])).toEqual([[p0!.id, "changed"]]);
    // The preview's record of the plan (built in SQL) is the plan form's record, lists included.
    expect(second.rows.find((r) => r.planId === p0!.id)!.before).toEqual(beforeSecond);
    expect(second.rows.find((r) => r.planId === p0!.id)!.changes.map((c) => c.field)).toEqual(["caseNumber"]);
    await applyImport(second.upload, editor.id);
    expect((await snapshotNow(p2!.id)).status).toBe("vedtatt");
    expect(await db.auditEvent.count({ where: { actorId: editor.id, type: "plan.replaced" } })).toBe(1);
  });

  it("refuses a file whose relations would make a plan replace itself through others, and writes nothing", async () => {
    const editor = await createUser("editor");
    const { unit, plans } = await threePlans();
    const [p0, p1] = plans;
    await db.planRelation.create({ data: { fromPlanId: p0!.id, toPlanId: p1!.id, kind: "replaces" } });
    const file = edit(await exported(unit), (sheet, rows) => {
      set(sheet, rowIndexOf(rows, p1!.id), col.relations, `erstatter: ${p0!.id}`);
      set(sheet, rowIndexOf(rows, p1!.id), col.title, `Endret ${unit}`);
      XLSX.utils.sheet_add_aoa(sheet, [[null, null, `Ny ${unit}`, "temaplan", "planlagt", null, null, null, null, null, null, null, unit, null, null, "3.4", null, "Vedlegg | https://x.no/d.pdf", `erstatter: ${p0!.id}`]], { origin: -1 });
    });
    const { rows, upload } = await preview(editor.id, "sirkel.xlsx", file);
    expect(rows.filter((r) => r.errors.length)).toEqual([]);
    await expect(applyImport(upload, editor.id)).rejects.toMatchObject({ messageKey: "relationCycle" });
    expect(await db.plan.count({ where: { responsibleUnit: unit } })).toBe(3);
    expect(await db.plan.findFirst({ where: { title: `Ny ${unit}` } })).toBeNull();
    expect(await db.importRow.count({ where: { uploadId: upload, planId: { not: null }, kind: "new" } })).toBe(0);
    expect((await db.plan.findUniqueOrThrow({ where: { id: p0!.id } })).status).toBe("vedtatt");
    expect(await db.planRelation.count({ where: { fromPlanId: p1!.id } })).toBe(0);
    expect((await db.plan.findUniqueOrThrow({ where: { id: p1!.id } })).title).toBe(p1!.title);
    expect(await db.auditEvent.count({ where: { actorId: editor.id } })).toBe(0);
  });
});

describe("matching and validation", () => {
  it("matches rows without id by type and title among plans not archived, and refuses ambiguity and invalid fields with row numbers", async () => {
    const editor = await createUser("editor");
    const { unit, plans } = await threePlans();
    const csv = [
      "Plan;Type;Vedtatt;Revideres;Ansvarlig;Saksnr.",
      `${plans[0]!.title.toUpperCase()};temaplan;23.05.2019;01.01.2027;${unit};19/1`,
      `Dobbel ${unit};strategi;;;${unit};`,
      `dobbel ${unit};Strategi;;;${unit};`,
      `Feil ${unit};ukjent;31.02.2020;;${unit};`,
    ].join("\r\n");
    const { rows, mapping } = await preview(editor.id, "eget.csv", Buffer.from(csv), undefined);
    expect(mapping).toEqual(["title", "type", "adoptedOn", "revisionDueOn", "responsibleUnit", "caseNumber"]);
    expect(rows.map((r) => [r.rowNumber, r.kind])).toEqual([[2, "changed"], [3, "error"], [4, "error"], [5, "error"]]);
    expect(rows[0]!.planId).toBe(plans[0]!.id);
    expect(rows[0]!.changes.map((c) => c.field)).toEqual(["title", "caseNumber"]);
    expect(rows[1]!.errors.find((e) => e.field === "row")!.message).toContain("3, 4");
    expect(rows[2]!.errors.find((e) => e.field === "row")!.message).toContain("3, 4");
    // No Status column: the status follows from the (invalid) adoption date, so it is no error of its own.
    expect(rows[3]!.errors.map((e) => e.field).sort()).toEqual(["adoptedOn", "type"]);
    expect(rows[3]!.errors.find((e) => e.field === "type")!.message).toBe("Velg et av alternativene.");
  });

  it("imports a planprogram table without a Status column: a new plan with an adoption date is adopted, one without is planned, and the decision body comes from the mapping step's default", async () => {
    const editor = await createUser("editor");
    const unit = unique("Planprogram");
    const csv = ["Plan;Type;Vedtatt;Revideres;Ansvarlig", `Kulturplan ${unit};temaplan;16.06.2022;31.12.2026;${unit}`, `Idrettsplan ${unit};temaplan;;2028;${unit}`, `Skoleplan ${unit};temaplan;;;${unit}`].join("\r\n");
    // Without a default decision body the adopted row says which field it lacks; the others are no errors.
    const bare = await preview(editor.id, "planprogram.csv", Buffer.from(csv));
    expect(bare.mapping).not.toContain("status");
    expect(bare.rows.map((r) => r.errors.map((e) => e.field))).toEqual([["adoptedBy"], ["revisionDueOn"], []]);
    expect(bare.rows.flatMap((r) => r.errors).some((e) => e.field === "status")).toBe(false);

    const fixed = csv.replace(";2028;", ";31.12.2028;");
    const { rows, upload } = await preview(editor.id, "planprogram.csv", Buffer.from(fixed), undefined, { status: "fromAdoption", adoptedBy: "kommunestyret" });
    expect(rows.map((r) => [r.kind, r.input?.status, r.input?.adoptedBy])).toEqual([["new", "vedtatt", "kommunestyret"], ["new", "planlagt", null], ["new", "planlagt", null]]);
    expect((await db.importUpload.findUniqueOrThrow({ where: { id: upload } })).mapping).toEqual({ columns: ["title", "type", "adoptedOn", "revisionDueOn", "responsibleUnit"], defaults: { status: "fromAdoption", adoptedBy: "kommunestyret" } });
    await applyImport(upload, editor.id);
    expect(await db.plan.findMany({ where: { responsibleUnit: unit }, select: { title: true, status: true }, orderBy: { title: "asc" } })).toEqual([
      { title: `Idrettsplan ${unit}`, status: "planlagt" }, { title: `Kulturplan ${unit}`, status: "vedtatt" }, { title: `Skoleplan ${unit}`, status: "planlagt" },
    ]);

    // A status chosen for the whole file applies to every new plan.
    const chosen = await preview(editor.id, "planprogram.csv", Buffer.from(fixed.replaceAll(unit, unique("Planprogram"))), undefined, { status: "under_utarbeidelse", adoptedBy: "" });
    expect(chosen.rows.map((r) => r.input?.status)).toEqual(["under_utarbeidelse", "under_utarbeidelse", "under_utarbeidelse"]);
  });
});
