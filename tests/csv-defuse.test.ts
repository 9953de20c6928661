// CSV injection whatever the reader's list separator: no piece of an exported line that a
// spreadsheet may split off (at ",", ";", tab or a line break) starts as a formula, and the
// import reads back exactly the text that was exported.
import fc from "fast-check";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvRows, undefuse } from "../lib/csv";

// After spaces and quotes, a formula character (tab and CR split pieces themselves).
const FORMULA_PIECE = /^[ \u00a0\u3000"]*[=+\-@\uff1d\uff0b\uff0d\uff20]/;
const pieces = (csv: string) => csv.split(/[,;\t\r\n]/);
const readBack = (csv: string) => (parse(csv, { delimiter: ";", record_delimiter: "\r\n" }) as string[][]).map((r) => r.map(undefuse));

const risky = ["Plan,=4+4", "Plan;=4+4", "Plan\t=4+4", "Plan,  =1+1", " =1+1", "＝1+1", "＋1", "－1", "＠SUM(A1)", "Plan, ＝1+1", "Plan\n=1+1", "a,\"=1+1\"", "'=allerede", "Plan,'=x", "Plan,''+x", "\t\t=1", ",=1", "=1,=2;@3\t-4"];

describe("the CSV export's formula defusing", () => {
  it("leaves no piece that starts as a formula, for readers splitting at , ; tab or a line break", () => {
    const csv = csvRows(risky.map((t) => ["1", t, "x"]));
    for (const piece of pieces(csv)) expect(piece, JSON.stringify(piece)).not.toMatch(FORMULA_PIECE);
  });

  it("quotes every text with a , or tab, so a ',' reader keeps it in one field when it can", () => {
    const csv = csvRows([["Plan,=4+4"], ["a\tb"]]);
    expect(csv).toBe(`"Plan,'=4+4"\r\n"a\tb"\r\n`);
  });

  it("reads back exactly what was exported (risky titles)", () => {
    expect(readBack(csvRows(risky.map((t) => [t, "x"])))).toEqual(risky.map((t) => [t, "x"]));
  });

  it("reads back exactly what was exported, and defuses every piece (property)", () => {
    const chars = fc.constantFrom(..."a ,;\t\r\n\"'=+-@＝＋－＠\u3000\u00a0x1".split(""));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ unit: chars, maxLength: 12 }), fc.string({ unit: chars, maxLength: 12 }), fc.constant("x")), { minLength: 1, maxLength: 3 }), (rows) => {
        const csv = csvRows(rows);
        expect(readBack(csv)).toEqual(rows);
        for (const piece of pieces(csv)) expect(piece).not.toMatch(FORMULA_PIECE);
      }),
      { numRuns: 1000 },
    );
  });
});
