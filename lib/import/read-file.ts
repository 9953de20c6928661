// An uploaded spreadsheet as a table of cells: .xlsx (exceljs, after the zip check) or .csv
// (csv-parse; ";" or ",", UTF-8 with or without BOM, or Windows-1252 as old Excel writes it).
// Every way a file can be unusable is an ImportFileError with a message key, never a 500.
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import { undefuse } from "../csv";
import { checkZip } from "./zip-check";
import { IMPORT_LIMITS, ImportFileError } from "./limits";
import { parseInWorker } from "./worker-pool";

export { IMPORT_LIMITS, ImportFileError, type FileErrorKey } from "./limits";

export type Cell = string | number | boolean | Date | null;
export type SheetTable = { headers: string[]; rows: { number: number; cells: Cell[] }[] };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const isZip = (b: Uint8Array) => ZIP_MAGIC.every((x, i) => b[i] === x);

/** The file's kind from its name: only .xlsx and .csv are read. */
export function fileKind(fileName: string): "xlsx" | "csv" | null {
  const ext = fileName.toLowerCase().split(".").pop();
  return ext === "xlsx" ? "xlsx" : ext === "csv" || ext === "txt" ? "csv" : null;
}

/** Reads the first sheet (or the CSV) into a header row and data rows, within IMPORT_LIMITS, in a worker thread. */
export async function readSpreadsheet(fileName: string, bytes: Buffer): Promise<SheetTable> {
  // What needs no parsing is answered here, without a thread.
  if (bytes.length === 0) throw new ImportFileError("empty");
  if (bytes.length > IMPORT_LIMITS.bytes) throw new ImportFileError("tooLarge", { max: IMPORT_LIMITS.bytes / 1024 / 1024 });
  if (!fileKind(fileName)) throw new ImportFileError("wrongType");
  return parseInWorker(fileName, bytes);
}

/** readSpreadsheet's work in this thread (lib/import/parse-worker.ts runs it). */
export async function parseSpreadsheet(fileName: string, bytes: Buffer): Promise<SheetTable> {
  if (bytes.length === 0) throw new ImportFileError("empty");
  if (bytes.length > IMPORT_LIMITS.bytes) throw new ImportFileError("tooLarge", { max: IMPORT_LIMITS.bytes / 1024 / 1024 });
  const kind = fileKind(fileName);
  if (!kind) throw new ImportFileError("wrongType");
  const table = kind === "xlsx" ? await readXlsx(bytes) : readCsv(bytes);
  return trimTable(table);
}

async function readXlsx(bytes: Buffer): Promise<Cell[][] & { numbers?: number[] }> {
  if (!isZip(bytes)) throw new ImportFileError("notXlsx");
  const problem = await checkZip(bytes);
  if (problem === "broken") throw new ImportFileError("brokenXlsx");
  if (problem === "tooBig") throw new ImportFileError("zipBomb");
  if (problem instanceof ImportFileError) throw problem;
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new ImportFileError("brokenXlsx");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ImportFileError("empty");
  if (sheet.actualRowCount > IMPORT_LIMITS.rows + 1) throw new ImportFileError("tooManyRows", { max: IMPORT_LIMITS.rows });
  const rows: Cell[][] & { numbers?: number[] } = [];
  const numbers: number[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    if (values.length > IMPORT_LIMITS.columns) throw new ImportFileError("tooManyColumns", { max: IMPORT_LIMITS.columns });
    rows.push(Array.from(values, xlsxCell));
    numbers.push(number);
  });
  rows.numbers = numbers;
  return rows;
}

// exceljs's cell values: rich text, hyperlinks and formulas are read as what the cell shows.
function xlsxCell(value: ExcelJS.CellValue | undefined): Cell {
  if (value === undefined || value === null) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value instanceof Date) return value;
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("hyperlink" in value) return typeof value.text === "string" ? value.text : xlsxCell(value.text as ExcelJS.CellValue);
  if ("formula" in value || "sharedFormula" in value) return xlsxCell((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ("error" in value) return String(value.error);
  return null;
}

/** UTF-8 (BOM or not) when it decodes, else Windows-1252 (what Excel's "CSV" writes in Norway). */
export function decodeText(bytes: Buffer): string {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    // Node's TextDecoder reads "windows-1252" as Latin-1 (0x80–0x9f become control characters).
    return iconv.decode(body, "win1252");
  }
}

/** ";" unless the header line has more "," than ";" outside quotes. */
function delimiterOf(text: string): ";" | "," {
  const line = text.slice(0, text.search(/\r?\n|$/)).replace(/"[^"]*"/g, "");
  return (line.match(/,/g)?.length ?? 0) > (line.match(/;/g)?.length ?? 0) ? "," : ";";
}

function readCsv(bytes: Buffer): Cell[][] & { numbers?: number[] } {
  if (isZip(bytes) || bytes.subarray(0, 8192).includes(0)) throw new ImportFileError("notCsv");
  const text = decodeText(bytes);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: delimiterOf(text), relax_column_count: true, skip_empty_lines: true, info: true,
      to: IMPORT_LIMITS.rows + 2, max_record_size: IMPORT_LIMITS.cellChars * 4,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = typeof error === "object" && error && "lines" in error ? Number(error.lines) : 0;
    throw new ImportFileError("brokenCsv", { line });
  }
  if (records.length > IMPORT_LIMITS.rows + 1) throw new ImportFileError("tooManyRows", { max: IMPORT_LIMITS.rows });
  const rows: Cell[][] & { numbers?: number[] } = [];
  rows.numbers = [];
  for (const { record, info } of records) {
    if (record.length > IMPORT_LIMITS.columns) throw new ImportFileError("tooManyColumns", { max: IMPORT_LIMITS.columns });
    if (record.some((c) => c.length > IMPORT_LIMITS.cellChars)) throw new ImportFileError("cellTooLong", { max: IMPORT_LIMITS.cellChars });
    rows.push(record.map((c) => (c === "" ? null : undefuse(c))));
    rows.numbers.push(info.lines);
  }
  return rows;
}

const blank = (c: Cell) => c === null || (typeof c === "string" && c.trim() === "");

// The first non-empty row is the header; rows with no value are skipped.
function trimTable(rows: Cell[][] & { numbers?: number[] }): SheetTable {
  const numbers = rows.numbers ?? rows.map((_, i) => i + 1);
  const start = rows.findIndex((r) => r.some((c) => !blank(c)));
  if (start < 0) throw new ImportFileError("empty");
  const headers = rows[start]!.map((c) => (c === null ? "" : c instanceof Date ? c.toISOString().slice(0, 10) : String(c).trim()));
  const data: SheetTable["rows"] = [];
  for (let i = start + 1; i < rows.length; i++) {
    if (rows[i]!.every(blank)) continue;
    data.push({ number: numbers[i]!, cells: rows[i]! });
  }
  if (data.length === 0) throw new ImportFileError("noRows");
  if (data.length > IMPORT_LIMITS.rows) throw new ImportFileError("tooManyRows", { max: IMPORT_LIMITS.rows });
  return { headers, rows: data };
}
