// CSV as Norwegian Excel opens it by double-click: UTF-8 with BOM, ";" between fields, CRLF,
// quoted where needed (csv-stringify). A text cell that a spreadsheet would read as a formula
// (=, +, -, @, tab, CR first) gets a leading apostrophe, as OWASP's CSV-injection advice says.
import { stringify } from "csv-stringify/sync";

export type CsvCell = string | number | boolean | Date | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell as text: ISO dates, Ja/Nei-free booleans left to the caller, formulas defused. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Rows as CSV text; `bom` for the first chunk of a file. */
export function csvRows(rows: readonly CsvCell[][], bom = false): string {
  return stringify(rows.map((row) => row.map(csvCell)), { delimiter: ";", record_delimiter: "\r\n", bom });
}

/**
 * A streamed CSV download: the header row, then each batch `next` returns until it returns none,
 * so memory holds one batch whatever the size of the file.
 */
export function csvResponse(filename: string, header: string[], next: (batch: number) => Promise<CsvCell[][]>): Response {
  const encoder = new TextEncoder();
  let batch = 0;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvRows([header], true)));
    },
    async pull(controller) {
      const rows = await next(batch++);
      if (rows.length === 0) return controller.close();
      controller.enqueue(encoder.encode(csvRows(rows)));
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
