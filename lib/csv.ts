// CSV as Norwegian Excel opens it by double-click: UTF-8 with BOM, ";" between fields, CRLF,
// quoted where needed (csv-stringify). A text cell that a spreadsheet would read as a formula
// (=, +, -, @, tab, CR first) gets a leading apostrophe, as OWASP's CSV-injection advice says;
// the import (lib/import/read-file.ts) strips exactly that apostrophe again.
import { stringify } from "csv-stringify/sync";

export type CsvCell = string | number | boolean | Date | null | undefined;

// A text that already starts with apostrophes before a formula character gets one more, so that
// stripping one on import gives it back unchanged.
const FORMULA_START = /^'*[=+\-@\t\r]/;
const DEFUSED = /^'+[=+\-@\t\r]/;

/** A CSV cell's text as it was before csvCell defused it. */
export function undefuse(text: string): string {
  return DEFUSED.test(text) ? text.slice(1) : text;
}

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
  return csvStream(filename, header, next);
}

/** The same for rows that come from an async iterator (one item per batch). */
export function csvIterableResponse(filename: string, header: string[], batches: AsyncIterable<CsvCell[][]>): Response {
  const iterator = batches[Symbol.asyncIterator]();
  return csvStream(filename, header, async () => {
    for (;;) {
      const next = await iterator.next();
      if (next.done) return [];
      if (next.value.length) return next.value;
    }
  });
}

function csvStream(filename: string, header: string[], next: (batch: number) => Promise<CsvCell[][]>): Response {
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
