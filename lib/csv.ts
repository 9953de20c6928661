// CSV as Norwegian Excel opens it by double-click: UTF-8 with BOM, ";" between fields, CRLF,
// quoted where needed (csv-stringify). A spreadsheet whose list separator is "," or tab, or that
// loses the quoting, splits a cell at any of those, so every piece of a text that a spreadsheet
// might read as a formula (=, +, -, @, tab, CR or their full-width forms first, after spaces or
// quotes) gets a leading apostrophe, as OWASP's CSV-injection advice says; the import
// (lib/import/read-file.ts) strips exactly those apostrophes again.
import { stringify } from "csv-stringify/sync";

export type CsvCell = string | number | boolean | Date | null | undefined;

// Where a spreadsheet may start a field: the text's start, or after a list separator or a line
// break. A piece that already starts with apostrophes before a formula gets one more, so that
// stripping one on import gives it back unchanged.
const PIECE_START = "(?<=^|[,;\\t\\r\\n])";
const FORMULA = "[ \\u00a0\\u3000\"]*[=+\\-@\\t\\r\\uff1d\\uff0b\\uff0d\\uff20]";
const FORMULA_START = new RegExp(`${PIECE_START}('*)(?=${FORMULA})`, "g");
const DEFUSED = new RegExp(`${PIECE_START}'(?='*${FORMULA})`, "g");

/** A CSV cell's text as it was before csvCell defused it. */
export function undefuse(text: string): string {
  return text.replace(DEFUSED, "");
}

/** A cell as text: ISO dates, Ja/Nei-free booleans left to the caller, formulas defused. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return value.replace(FORMULA_START, "'$1");
}

/** Rows as CSV text; `bom` for the first chunk of a file. */
export function csvRows(rows: readonly CsvCell[][], bom = false): string {
  return stringify(rows.map((row) => row.map(csvCell)), { delimiter: ";", record_delimiter: "\r\n", bom, quoted_match: /[,\t]/ });
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
