// The council documents (planprogram, revision schedule) as Word and Excel, read back with other
// libraries than the writers (mammoth and JSZip for docx, SheetJS for xlsx), against the database.
import JSZip from "jszip";
import mammoth from "mammoth";
import * as XLSX from "xlsx";
import { describe, expect, it } from "vitest";
import { db } from "../lib/db";
import { planprogramDocument } from "../lib/council/planprogram";
import { scheduleDocument } from "../lib/council/schedule";
import { programBatch } from "../lib/periods/queries";
import { scheduleParamsSchema } from "../lib/schedule/params";
import { listSchedule, scheduleBatch } from "../lib/schedule/queries";
import { createPlan, unique } from "./support/factories";

const today = new Date("2026-11-26T00:00:00Z");
const ARCHIVE = "https://innsyn.kommune.example/journal?saksaar={saksaar}&sekvensnr={sekvensnr}&nr={saksnummer}";
const unescapeXml = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

/** The docx's hyperlinks as shown text → address (from word/_rels), and the body's whole text. */
async function docxLinks(file: Buffer) {
  const zip = await JSZip.loadAsync(file);
  const xml = await zip.file("word/document.xml")!.async("string");
  const rels = await zip.file("word/_rels/document.xml.rels")!.async("string");
  const targets = new Map([...rels.matchAll(/<Relationship [^>]*?Id="([^"]+)"[^>]*?Type="[^"]*\/hyperlink"[^>]*?Target="([^"]+)"[^>]*?TargetMode="External"/g)].map((m) => [m[1]!, unescapeXml(m[2]!)]));
  const text = (part: string) => [...part.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1]!)).join("");
  const links = Object.fromEntries([...xml.matchAll(/<w:hyperlink [^>]*?r:id="([^"]+)"[^>]*>([\s\S]*?)<\/w:hyperlink>/g)].map((m) => [text(m[2]!), targets.get(m[1]!)]));
  return { links, text: text(xml) };
}

async function period() {
  const unit = unique("Rådsenhet");
  const p = await db.strategyPeriod.create({ data: { name: unique("Planstrategi 2024–2027"), startYear: 2024, endYear: 2027 } });
  const plans = [];
  for (const [i, decision] of (["revise", "new", "continue", "new"] as const).entries()) {
    const plan = await createPlan({ title: `${["Bplan", "Aplan", "Cplan", "=Dplan"][i]} ${unit}`, type: "temaplan", status: "vedtatt", adoptedOn: new Date("2019-05-23T00:00:00Z"), adoptedBy: "kommunestyret", responsibleUnit: unit, revisionDueOn: new Date("2025-03-01T00:00:00Z") });
    await db.strategyDecision.create({ data: { periodId: p.id, planId: plan.id, decision, targetYear: 2025 + i } });
    plans.push(plan);
  }
  return { unit, period: p, plans, rows: await programBatch(p, today, 0) };
}

describe("the planprogram as a council document", () => {
  it("in Word has the municipality, title, period, date printed, the decisions grouped, a repeated header row, landscape pages and page numbers", async () => {
    const { period: p, rows } = await period();
    const file = await planprogramDocument("docx", { municipality: "Røros kommune", title: `Planprogram: ${p.name}`, period: "2024–2027", printedOn: today, locale: "nb", caseLinkTemplate: null }, rows);
    const text = (await mammoth.extractRawText({ buffer: file })).value;
    const lines = text.split("\n").map((l) => l.trim()).filter(Boolean);
    expect(lines.slice(0, 4)).toEqual(["Røros kommune", `Planprogram: ${p.name}`, "2024–2027", "Skrevet ut 26. november 2026"]);
    // Each decision's plan in the program's order (kind, then title), under its kind's heading.
    const titles = rows.map((r) => r.plan.title);
    const positions = titles.map((t) => lines.indexOf(t));
    expect(positions.every((x) => x > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(rows.map((r) => r.decision)).toEqual(["new", "new", "revise", "continue"]);
    expect(lines.indexOf("Ny plan")).toBeLessThan(positions[0]!);
    expect(lines).toContain("Gjennomført?");
    const zip = await JSZip.loadAsync(file);
    const documentXml = await zip.file("word/document.xml")!.async("string");
    expect(documentXml).toContain("<w:tblHeader/>");
    expect(documentXml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/);
    const footers = await Promise.all(Object.keys(zip.files).filter((n) => /word\/footer\d*\.xml/.test(n)).map((n) => zip.file(n)!.async("string")));
    expect(footers.join("")).toMatch(/PAGE[\s\S]*NUMPAGES/);
    const headers = await Promise.all(Object.keys(zip.files).filter((n) => /word\/header\d*\.xml/.test(n)).map((n) => zip.file(n)!.async("string")));
    expect(headers.join("")).toContain("Røros kommune");
  });

  it("in Excel has the same rows under the heading lines, dates as dates", async () => {
    const { period: p, rows } = await period();
    const file = await planprogramDocument("xlsx", { municipality: "Røros kommune", title: p.name, period: "2024–2027", printedOn: today, locale: "nb", caseLinkTemplate: null }, rows);
    const sheet = XLSX.read(file, { type: "buffer", cellNF: true }).Sheets.Planprogram!;
    const table = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true });
    expect(table.slice(0, 4).map((r) => r[0])).toEqual(["Røros kommune", p.name, "2024–2027", "Skrevet ut 26. november 2026"]);
    expect(table[4]).toEqual(["Plan", "Type", "Vedtatt", "Saksnummer", "Vedtak", "Målår", "Ansvarlig enhet", "Status", "Gjennomført?"]);
    const planRows = table.slice(5).filter((r) => r.length > 1);
    expect(planRows.map((r) => r[0])).toEqual(rows.map((r) => r.plan.title));
    expect(planRows.map((r) => r[5])).toEqual(rows.map((r) => r.targetYear));
    const dateCell = sheet[XLSX.utils.encode_cell({ r: table.indexOf(planRows[0]!), c: 2 })]!;
    expect(dateCell).toMatchObject({ t: "n", z: "dd.mm.yyyy" });
    expect(XLSX.SSF.parse_date_code(dateCell.v as number)).toMatchObject({ y: 2019, m: 5, d: 23 });
    // The title that looks like a formula is text.
    const formulaLike = Object.values(sheet).find((c) => typeof c === "object" && c && "v" in c && String(c.v).startsWith("=Dplan"));
    expect(formulaLike).toMatchObject({ t: "s" });
  });
});

describe("the revision schedule as a council document", () => {
  it("in Word and Excel lists the filtered active plans with their revision state", async () => {
    const { unit, plans } = await period();
    const rows = await scheduleBatch(scheduleParamsSchema.parse({ unit }), 0);
    expect(rows).toHaveLength(plans.length);
    const meta = { municipality: "Røros kommune", subtitle: "4 planer", printedOn: today, today, locale: "nb" as const, caseLinkTemplate: null };
    const text = (await mammoth.extractRawText({ buffer: await scheduleDocument("docx", meta, rows) })).value;
    for (const p of plans) expect(text).toContain(p.title);
    expect(text).toContain("Revisjonsplan");
    expect(text.match(/Forfalt/g)).toHaveLength(plans.length);
    const sheet = XLSX.read(await scheduleDocument("xlsx", meta, rows), { type: "buffer" }).Sheets.Revisjonsplan!;
    const table = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1 });
    expect(table.slice(5).map((r) => r[0])).toEqual(rows.map((r) => r.title));
    expect(table.slice(5).every((r) => r[7] === "Forfalt")).toBe(true);
  });

  it("in Word keeps every title the schedule page shows: Sami letters, dashes, decomposed letters, and control or non-XML characters the file cannot hold", async () => {
    const unit = unique("Samisk enhet");
    const titles = [
      "Plan for samisk språk og kultur – Åarjel-saemien", "Julevsámegiella – ja dárogiella", "A\u030Arsplan for Ågård", "Linje\nskift\tog tab",
      "Kontroll\u0002tegn", "Vertikal\u000Btab", "Ikke\uFFFEtegn", "Halvt\uD800par", "C1\u0096strek",
    ].map((t) => `${t} ${unit}`);
    for (const title of titles) await createPlan({ title, type: "temaplan", status: "vedtatt", adoptedOn: new Date("2020-01-01T00:00:00Z"), adoptedBy: "kommunestyret", responsibleUnit: unit, revisionDueOn: new Date("2030-01-01T00:00:00Z") });
    const params = scheduleParamsSchema.parse({ unit });
    const rows = await scheduleBatch(params, 0);
    const file = await scheduleDocument("docx", { municipality: "Røros kommune", subtitle: "", printedOn: today, today, locale: "nb", caseLinkTemplate: null }, rows);
    const xml = await (await JSZip.loadAsync(file)).file("word/document.xml")!.async("string");
    // Nothing XML 1.0 forbids, which Word refuses and LibreOffice drops text at.
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    const lines = (await mammoth.extractRawText({ buffer: file })).value.split("\n").map((l) => l.trim()).filter(Boolean);
    // Each title as the page shows it (one line, composed letters, a control character a space), in the page's order.
    const shown = (await listSchedule({ ...params, size: 50 })).plans.map((p) => p.title.normalize("NFC").replace(/[\u0000-\u001F\u007F-\u009F\uFFFE\uFFFF\uD800-\uDFFF]/g, " ").replace(/\s+/g, " ").trim());
    expect(shown).toHaveLength(titles.length);
    expect(lines.filter((l) => l.endsWith(unit) && l !== unit)).toEqual(shown);
    expect(shown).toContain(`Plan for samisk språk og kultur – Åarjel-saemien ${unit}`);
    expect(shown).toContain(`Årsplan for Ågård ${unit}`);
  });
});


describe("case numbers in council documents", () => {
  it("every case number is in the Word file, as a link into the archive filled from the template; one that does not fit stays plain text", async () => {
    const unit = unique("Saksenhet");
    const p = await db.strategyPeriod.create({ data: { name: unique("Planstrategi 2028–2031"), startYear: 2028, endYear: 2031, caseNumber: "24/5678" } });
    for (const [i, caseNumber] of ["20/1234", "2019/77-3", "Sak 12", null].entries()) {
      const plan = await createPlan({ title: `Saksplan ${i} ${unit}`, type: "temaplan", status: "vedtatt", adoptedOn: new Date("2020-05-01T00:00:00Z"), adoptedBy: "kommunestyret", caseNumber, responsibleUnit: unit, revisionDueOn: new Date("2029-01-01T00:00:00Z") });
      await db.strategyDecision.create({ data: { periodId: p.id, planId: plan.id, decision: "revise", targetYear: 2029 } });
    }
    const expected = {
      "20/1234": "https://innsyn.kommune.example/journal?saksaar=2020&sekvensnr=1234&nr=20%2F1234",
      "2019/77-3": "https://innsyn.kommune.example/journal?saksaar=2019&sekvensnr=77&nr=2019%2F77-3",
    };
    const program = await planprogramDocument("docx", { municipality: "Røros kommune", title: p.name, period: "2028–2031", printedOn: today, locale: "nb", caseNumber: p.caseNumber, caseLinkTemplate: ARCHIVE }, await programBatch(p, today, 0));
    const inProgram = await docxLinks(program);
    expect(inProgram.links).toEqual({ ...expected, "24/5678": "https://innsyn.kommune.example/journal?saksaar=2024&sekvensnr=5678&nr=24%2F5678" });
    expect(inProgram.text).toContain("Saksnummer: 24/5678");
    expect(inProgram.text).toContain("Sak 12");

    const meta = { municipality: "Røros kommune", subtitle: "", printedOn: today, today, locale: "nb" as const, caseLinkTemplate: ARCHIVE };
    const rows = await scheduleBatch(scheduleParamsSchema.parse({ unit }), 0);
    const inSchedule = await docxLinks(await scheduleDocument("docx", meta, rows));
    expect(inSchedule.links).toEqual(expected);
    expect(inSchedule.text).toContain("Sak 12");
    // Without a template every number is there, none a link.
    const plain = await docxLinks(await scheduleDocument("docx", { ...meta, caseLinkTemplate: null }, rows));
    expect(plain.links).toEqual({});
    for (const n of ["20/1234", "2019/77-3", "Sak 12"]) expect(plain.text).toContain(n);

    // Excel: the same numbers, the fitting ones as hyperlinks.
    const sheet = XLSX.read(await scheduleDocument("xlsx", meta, rows), { type: "buffer" }).Sheets.Revisjonsplan!;
    const cells = Object.values(sheet).filter((c): c is XLSX.CellObject => typeof c === "object" && c !== null && "v" in c);
    // SheetJS hands the relationship's Target over still XML-escaped.
    const links = Object.fromEntries(cells.filter((c) => c.l).map((c) => [String(c.v), unescapeXml(c.l!.Target)]));
    expect(links).toEqual(expected);
    expect(cells.find((c) => c.v === "Sak 12")?.l).toBeUndefined();
  });
});
