// Fuzzing the import: 1,000 generated malformed files and rows (random bytes named .xlsx or .csv —
// NUL bytes among them, which make a file "not a CSV" —
// damaged exports, CSV with junk cells). Each gives a file error or error rows or an import, never
// an unexpected exception, and never a partial write: a refused apply leaves the plans and the
// audit log as they were, a successful one writes one audit row per plan it reports.
import fc from "fast-check";
import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { db } from "../lib/db";
import { DomainError } from "../lib/errors";
import { applyImport } from "../lib/import/apply";
import { ImportFileError } from "../lib/import/read-file";
import { planListOrder, planListParamsSchema, planListWhere } from "../lib/plans/list";
import { plansDownload } from "../lib/spreadsheet/export";
import { columnHeaders } from "../lib/spreadsheet/columns";
import { createPlan, unique } from "./support/factories";
import { createUser } from "./support/users";
import { bodyOf, preview } from "./support/import";

const junk = fc.oneof(
  fc.string({ maxLength: 30 }), fc.constant(""), fc.constant("a\u0007b"), fc.constant("a\u001bb"), fc.constant("=1+1"), fc.constant("'@x"), fc.constant("x".repeat(6000)),
  fc.integer().map(String), fc.double().map(String), fc.constantFrom("31.02.2020", "2020-13-01", "1.1.1", "99999", "-5", "ja", "kanskje", "erstatter: x", "erstatter: 2147483648", "3.4; 99.9", "a | b", "\"", "\"\"\"", ";;;", "\r\n", "https://x", "javascript:alert(1)"),
);

describe("import fuzzing", () => {
  it("1,000 malformed files and rows: file errors or error rows, never an unexpected failure or a partial write", { timeout: 600_000 }, async () => {
    const editor = await createUser("editor");
    const unit = unique("Fuzzenhet");
    for (let i = 0; i < 3; i++) await createPlan({ title: `Fuzzplan ${i} ${unit}`, responsibleUnit: unit });
    const params = planListParamsSchema.parse({ unit });
    const xlsx = await bodyOf(plansDownload("xlsx", "x", planListWhere(params), planListOrder(params), "nb", new Date()));
    const headers = columnHeaders("nb");
    const marked = () => db.plan.count({ where: { responsibleUnit: unit } });
    const audits = () => db.auditEvent.count({ where: { actorId: editor.id } });

    // Rows in the export's columns: plausible values mixed with junk; ids blank or far beyond any plan.
    const cell = (column: number): fc.Arbitrary<string> => {
      const plausible = [
        fc.constantFrom("", "", String(2_000_000_000)), fc.constantFrom("", "1", "0", "x"), fc.string({ minLength: 1, maxLength: 20 }).map((s) => `${s} ${unit}`),
        fc.constantFrom("temaplan", "Strategi", "ukjent", ""), fc.constantFrom("planlagt", "vedtatt", "Under revisjon", ""), fc.constantFrom("", "10.12.2020", "2020-12-10"),
        fc.constantFrom("", "kommunestyret", "Formannskapet", "x"), fc.constant(""), fc.constantFrom("", "https://kommune.no/a", "ftp://x"), fc.constantFrom("", "01.01.2030", "01.01.1999"),
        fc.constantFrom("", "2020", "1800"), fc.constantFrom("", "2030", "2019"), fc.constant(unit), fc.constantFrom("", "ingen@example.invalid"), fc.constantFrom("Ja", "Nei", "", "kanskje"),
        fc.constantFrom("", "3.4", "3.4; 11.3", "99.1"), fc.string({ maxLength: 40 }), fc.constantFrom("", "Plan | https://x.no/p.pdf", "bare tekst"), fc.constantFrom("", "erstatter: 1999999999", "omfatter x"),
        // Stages and national codes (issue 21).
        fc.constantFrom("", "01.02.2027"), fc.constantFrom("", "10.01.2027", "15.03.2027"), fc.constantFrom("", "20.03.2029", "01.01.2027"), fc.constantFrom("", "https://kommune.no/h", "javascript:x"),
        fc.constantFrom("", "01.05.2027"), fc.constantFrom("", "01.06.2027"), fc.constantFrom("", "https://kommune.no/h2"),
        fc.constantFrom("", "3024_201701", "3024-1", "9999_1", "201701"), fc.constantFrom("", "20", "35", "99", "x"), fc.constantFrom("", "2", "6", "7"),
      ][column]!;
      return fc.oneof({ weight: 4, arbitrary: plausible }, { weight: 1, arbitrary: junk });
    };
    const csvRow = fc.tuple(...headers.map((_, i) => cell(i)));
    const csvFile = fc.record({
      rows: fc.array(csvRow, { minLength: 1, maxLength: 6 }),
      delimiter: fc.constantFrom(";", ","),
      bom: fc.boolean(),
      dropColumns: fc.subarray(headers.map((_, i) => i), { maxLength: 4 }),
      breakQuote: fc.nat({ max: 9 }).map((n) => n === 0),
    }).map(({ rows, delimiter, bom, dropColumns, breakQuote }) => {
      const keep = (r: string[]) => r.filter((_, i) => !dropColumns.includes(i) || i === 2);
      let text = stringify([keep(headers), ...rows.map(keep)], { delimiter, record_delimiter: "\r\n", bom });
      if (breakQuote) text = text.replace(/;/, ';"');
      return { name: "fuzz.csv", bytes: Buffer.from(text) };
    });
    const damagedXlsx = fc.array(fc.tuple(fc.nat({ max: xlsx.length - 1 }), fc.nat({ max: 255 })), { minLength: 1, maxLength: 8 }).map((flips) => {
      const bytes = Buffer.from(xlsx);
      for (const [at, value] of flips) bytes[at] = value;
      return { name: "skadet.xlsx", bytes };
    });
    const randomBytes = fc.record({ name: fc.constantFrom("tilfeldig.xlsx", "tilfeldig.csv", "tilfeldig.txt", "uten-endelse"), bytes: fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.from(b)) });
    const file = fc.oneof({ weight: 6, arbitrary: csvFile }, { weight: 2, arbitrary: damagedXlsx }, { weight: 2, arbitrary: randomBytes });

    const outcomes = { fileError: 0, refused: 0, applied: 0 };
    await fc.assert(
      fc.asyncProperty(file, async ({ name, bytes }) => {
        const plansBefore = await marked();
        const auditsBefore = await audits();
        let upload: string;
        try {
          ({ upload } = await preview(editor.id, name, bytes));
        } catch (error) {
          if (!(error instanceof ImportFileError)) throw error;
          outcomes.fileError++;
          expect(await marked()).toBe(plansBefore);
          return;
        }
        try {
          const { created, updated } = await applyImport(upload, editor.id);
          outcomes.applied++;
          expect(await audits()).toBe(auditsBefore + created + updated);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          outcomes.refused++;
          expect(await marked()).toBe(plansBefore);
          expect(await audits()).toBe(auditsBefore);
        }
      }),
      { numRuns: 1000, seed: 20261126 },
    );
    console.log("import fuzzing:", outcomes);
    // The generator reaches every outcome.
    expect(outcomes.fileError).toBeGreaterThan(50);
    expect(outcomes.refused).toBeGreaterThan(50);
    expect(outcomes.applied).toBeGreaterThan(0);
  });
});
