// Cells, rows and text of an xlsx are counted as its zip is inflated, before exceljs builds a cell
// or anything copies one (issue 22, items 2 and 3): a 235 kB file with one 4 MB shared string as
// the title of 20,000 rows once ended the server at the preview.
import { describe, expect, it } from "vitest";
import { IMPORT_LIMITS, ImportFileError, readSpreadsheet } from "../lib/import/read-file";
import { checkZip } from "../lib/import/zip-check";
import { rawWorkbook, rowsOf } from "./support/hostile-xlsx";

const fileError = (name: string, bytes: Buffer) => readSpreadsheet(name, bytes).then(() => null, (e: unknown) => (e instanceof ImportFileError ? e.key : e));
const header = [{ shared: 0 }, { inline: "Type" }];

describe("cells and text past the limits", () => {
  it("refuses a small xlsx whose one 4 MB shared string is the title of 20,000 rows, and one whose 100 headers are a 1 MB string", async () => {
    const bomb = await rawWorkbook(["Plan", "x".repeat(4 * 1024 * 1024)], rowsOf(20_001, (i) => (i === 0 ? header : [{ shared: 1 }, { inline: "temaplan" }])));
    expect(bomb.length).toBeLessThan(300 * 1024);
    expect(await fileError("tittel.xlsx", bomb)).toBe("cellTooLong");
    const headers = await rawWorkbook(["y".repeat(1024 * 1024)], [Array.from({ length: 100 }, () => ({ shared: 0 })), [{ inline: "Plan" }]]);
    expect(await fileError("overskrifter.xlsx", headers)).toBe("cellTooLong");
  });

  it("reads a cell of exactly 32,767 characters (entities counted as the character they are) and refuses one more, in shared strings, inline strings and CSV", async () => {
    const max = IMPORT_LIMITS.cellChars;
    const full = "&".repeat(10) + "a".repeat(max - 10);
    const shared = (text: string) => rawWorkbook(["Plan", text], [header, [{ shared: 1 }, { inline: "temaplan" }]]);
    const inline = (text: string) => rawWorkbook(["Plan"], [header, [{ inline: text }, { inline: "temaplan" }]]);
    expect((await readSpreadsheet("delt.xlsx", await shared(full))).rows[0]!.cells[0]).toBe(full);
    expect((await readSpreadsheet("innebygd.xlsx", await inline(full))).rows[0]!.cells[0]).toBe(full);
    expect(await fileError("delt.xlsx", await shared(`${full}b`))).toBe("cellTooLong");
    expect(await fileError("innebygd.xlsx", await inline(`${full}b`))).toBe("cellTooLong");
    expect((await readSpreadsheet("lang.csv", Buffer.from(`Plan;Type\r\n${full};temaplan\r\n`))).rows[0]!.cells[0]).toBe(full);
    expect(await fileError("lang.csv", Buffer.from(`Plan;Type\r\n${full}b;temaplan\r\n`))).toBe("cellTooLong");
  });

  it("refuses a workbook whose cells would hold more than 32 million characters once each shared string is resolved", async () => {
    const text = "z".repeat(20_000);
    const rows = (count: number) => rawWorkbook(["Plan", text], rowsOf(count + 1, (i) => (i === 0 ? header : [{ shared: 1 }, { inline: "temaplan" }])));
    expect(await fileError("mye.xlsx", await rows(1_700))).toBe("tooMuchText");
    expect((await readSpreadsheet("nok.xlsx", await rows(100))).rows).toHaveLength(100);
  });
});

describe("rows and cells counted before exceljs", () => {
  it("the zip check refuses a sheet with more than 20,000 rows of values and one with more than a million cells, and counts no empty rows", async () => {
    const keyOf = (problem: Awaited<ReturnType<typeof checkZip>>) => (problem instanceof ImportFileError ? problem.key : problem);
    const long = await rawWorkbook(["Plan"], rowsOf(IMPORT_LIMITS.rows + 2, (i) => [i === 0 ? { shared: 0 } : i]));
    expect(keyOf(await checkZip(long))).toBe("tooManyRows");
    expect(await fileError("lang.xlsx", long)).toBe("tooManyRows");
    const exact = await rawWorkbook(["Plan"], rowsOf(IMPORT_LIMITS.rows + 1, (i) => [i === 0 ? { shared: 0 } : { inline: `Plan ${i}` }]));
    expect(await checkZip(exact)).toBeNull();
    // Rows and cells without a value (formatting only) are no rows, but they are cells exceljs builds.
    const wide = await rawWorkbook(["Plan"], rowsOf(10_002, (i) => (i === 0 ? [{ shared: 0 }] : Array.from({ length: 100 }, () => ({ empty: true })))));
    expect(keyOf(await checkZip(wide))).toBe("tooManyCells");
    const formatted = await rawWorkbook(["Plan"], rowsOf(IMPORT_LIMITS.rows + 5_000, (i) => (i < 3 ? [{ shared: 0 }] : [{ empty: true }])));
    expect(await checkZip(formatted)).toBeNull();
  });
});
