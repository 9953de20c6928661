// Workbooks written by hand where exceljs would not write them: a sheet's XML and shared strings
// swapped into a small workbook that exceljs made, so every other part is a real one.
import ExcelJS from "exceljs";
import JSZip from "jszip";

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const column = (i: number) => (i < 26 ? "" : String.fromCharCode(64 + Math.floor(i / 26))) + String.fromCharCode(65 + (i % 26));

/** A cell of a hand-written sheet: a shared string's index, inline text, a number, or none (formatting only). */
export type RawCell = { shared: number } | { inline: string } | { empty: true } | number;

/** An xlsx whose first sheet is `rows` (the first is the header) over `shared` strings. */
export async function rawWorkbook(shared: string[], rows: Iterable<RawCell[]>): Promise<Buffer> {
  const base = new ExcelJS.Workbook();
  base.addWorksheet("Planer").addRow(["Plan"]);
  const zip = await JSZip.loadAsync(Buffer.from(await base.xlsx.writeBuffer()));
  const parts: string[] = [];
  let r = 0;
  for (const cells of rows) {
    r++;
    const xml = cells.map((c, i) => {
      const ref = `${column(i)}${r}`;
      if (typeof c === "number") return `<c r="${ref}"><v>${c}</v></c>`;
      if ("empty" in c) return `<c r="${ref}" s="0"/>`;
      if ("shared" in c) return `<c r="${ref}" t="s"><v>${c.shared}</v></c>`;
      return `<c r="${ref}" t="inlineStr"><is><t>${escape(c.inline)}</t></is></c>`;
    });
    parts.push(`<row r="${r}">${xml.join("")}</row>`);
  }
  zip.file("xl/worksheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${parts.join("")}</sheetData></worksheet>`);
  zip.file("xl/sharedStrings.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${shared.length}" uniqueCount="${shared.length}">${shared.map((s) => `<si><t>${escape(s)}</t></si>`).join("")}</sst>`);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** `count` rows from `row(i)`, without building them all first. */
export function* rowsOf(count: number, row: (i: number) => RawCell[]): Generator<RawCell[]> {
  for (let i = 0; i < count; i++) yield row(i);
}
