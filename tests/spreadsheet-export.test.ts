// The register's xlsx and CSV exports, read back by other libraries than the ones that wrote them
// (SheetJS for xlsx, csv-parse for CSV, JSZip for the workbook's XML), against the database.
import JSZip from "jszip";
import { parse } from "csv-parse/sync";
import * as XLSX from "xlsx";
import { describe, expect, it } from "vitest";
import { db } from "../lib/db";
import { planListOrder, planListParamsSchema, planListWhere } from "../lib/plans/list";
import { plansDownload } from "../lib/spreadsheet/export";
import { columnHeaders } from "../lib/spreadsheet/columns";
import { createPlan, unique } from "./support/factories";
import { createUser } from "./support/users";
import { bodyOf } from "./support/import";

const today = new Date("2026-11-26T00:00:00Z");

async function setUp() {
  const unit = unique("Eksportenhet");
  const owner = await createUser("editor");
  const a = await createPlan({
    title: unique("Klimaplan"), type: "kommunedelplan", status: "vedtatt", adoptedOn: new Date("2020-12-10T00:00:00Z"), adoptedBy: "kommunestyret",
    caseNumber: "20/01234", revisionDueOn: new Date("2024-06-30T00:00:00Z"), periodFromYear: 2020, periodToYear: 2030, responsibleUnit: unit,
    ownerId: owner.id, legallyRequired: true, summary: "Linje 1\nLinje 2", targets: { create: [{ targetCode: "13.2" }, { targetCode: "3.4" }] },
    documents: { create: [{ label: "Planen", url: "https://example.org/plan.pdf", sortOrder: 0 }, { label: "Høring", url: "https://example.org/h.pdf", sortOrder: 1 }] },
  });
  const b = await createPlan({ title: unique("=HYPERLINK(\"http://evil.example\")"), type: "temaplan", responsibleUnit: unit, relationsFrom: { create: [{ toPlanId: a.id, kind: "replaces" }] } });
  await createPlan({ title: unique("Arkivert"), responsibleUnit: unit, archivedAt: new Date() });
  const params = planListParamsSchema.parse({ unit, sort: "title" });
  return { unit, owner, a, b, params };
}

describe("the register's xlsx export", () => {
  it("has the filtered plans with real types, a frozen header with autofilter, and a sheet explaining the columns and codes", async () => {
    const { owner, a, b, params } = await setUp();
    const file = await bodyOf(plansDownload("xlsx", "planregister", planListWhere(params), planListOrder(params), "nb", today));
    const workbook = XLSX.read(file, { type: "buffer", cellNF: true });
    expect(workbook.SheetNames).toEqual(["Planer", "Forklaring"]);
    const sheet = workbook.Sheets.Planer!;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true });
    expect(rows[0]).toEqual(columnHeaders("nb"));
    // Archived plans only when the filter shows them; the register's order (title).
    const expected = [a, b].sort((x, y) => x.title.localeCompare(y.title, "en"));
    const dbOrder = await db.plan.findMany({ where: planListWhere(params), orderBy: planListOrder(params), select: { id: true } });
    expect(rows.slice(1).map((r) => r[0])).toEqual(dbOrder.map((p) => p.id));
    expect(rows).toHaveLength(3);
    expect(expected.map((p) => p.id).sort()).toEqual(dbOrder.map((p) => p.id).sort());
    const rowOf = (id: number) => rows.findIndex((r) => r[0] === id) + 1;
    const cell = (id: number, col: number) => sheet[XLSX.utils.encode_cell({ r: rowOf(id) - 1, c: col })];
    // Numbers are numbers, dates are dates shown dd.mm.yyyy, booleans Ja/Nei, lists as text.
    expect(cell(a.id, 0)).toMatchObject({ t: "n", v: a.id });
    expect(cell(a.id, 1)).toMatchObject({ t: "n", v: 1 });
    const adopted = cell(a.id, 5);
    expect(adopted.t).toBe("n");
    expect(adopted.z).toBe("dd.mm.yyyy");
    expect(XLSX.SSF.parse_date_code(adopted.v)).toMatchObject({ y: 2020, m: 12, d: 10 });
    expect(XLSX.SSF.parse_date_code(cell(a.id, 9).v)).toMatchObject({ y: 2024, m: 6, d: 30 });
    expect(cell(a.id, 10)).toMatchObject({ t: "n", v: 2020 });
    expect(cell(a.id, 13)!.v).toBe(owner.email);
    expect(cell(a.id, 14)!.v).toBe("Ja");
    expect(cell(b.id, 14)!.v).toBe("Nei");
    expect(cell(a.id, 15)!.v).toBe("3.4; 13.2");
    expect(cell(a.id, 16)!.v).toBe("Linje 1\nLinje 2");
    expect(cell(a.id, 17)!.v).toBe("Planen | https://example.org/plan.pdf\nHøring | https://example.org/h.pdf");
    expect(cell(b.id, 18)!.v).toBe(`erstatter: ${a.id}`);
    // A title that looks like a formula is a string cell, never a formula.
    expect(cell(b.id, 2)).toMatchObject({ t: "s", v: b.title });
    expect(cell(b.id, 2)!.f).toBeUndefined();
    const help = XLSX.utils.sheet_to_json<string[]>(workbook.Sheets.Forklaring!, { header: 1 });
    expect(help.map((r) => r[0])).toEqual(expect.arrayContaining(["Tittel", "kommunedelplan", "under_revisjon", "kommunestyret"]));

    const zip = await JSZip.loadAsync(file);
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(xml).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
    expect(xml).toContain('<autoFilter ref="A1:AC3"');
    expect(xml).not.toContain("<f>");
  });

  it("in English has English headers and Yes/No", async () => {
    const { a, params } = await setUp();
    const workbook = XLSX.read(await bodyOf(plansDownload("xlsx", "x", planListWhere(params), planListOrder(params), "en", today)), { type: "buffer" });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets.Plans!, { header: 1 });
    expect(rows[0]).toEqual(columnHeaders("en"));
    expect(rows.find((r) => r[0] === a.id)![14]).toBe("Yes");
  });
});

describe("the register's CSV export", () => {
  it("is UTF-8 with BOM, ';' and CRLF, and no cell begins with a formula character", async () => {
    const unit = unique("CSV-enhet");
    const titles = ["=HYPERLINK(\"http://evil.example\",\"klikk\")", "+cmd|' /C calc'!A0", "-1+1", "@SUM(A1:A2)", "\tTab først", "'=allerede sitert", "Vanlig; med \"sitat\""];
    for (const title of titles) await createPlan({ title: `${title} ${unit}`, responsibleUnit: unit });
    const params = planListParamsSchema.parse({ unit });
    const file = await bodyOf(plansDownload("csv", "planregister", planListWhere(params), planListOrder(params), "nb", today));
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = file.subarray(3).toString("utf8");
    expect(text.split("\r\n")[0]).toBe(columnHeaders("nb").join(";"));
    const records = parse(text, { delimiter: ";", record_delimiter: "\r\n" }) as string[][];
    expect(records).toHaveLength(titles.length + 1);
    for (const cell of records.flat()) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});
