// The register as an xlsx workbook (exceljs's streaming writer): sheet 1 the plans in the column
// set of columns.ts, typed (numbers, dates shown dd.mm.yyyy, Ja/Nei), header frozen, autofilter
// on; sheet 2 explains each column and lists the codes. Text is always a string cell, so a title
// like "=HYPERLINK(…)" is never a formula.
import { PassThrough, Readable, type Writable } from "node:stream";
import ExcelJS from "exceljs";
import type { Locale } from "../i18n/config";
import { COLUMN_CODES, COLUMN_KEYS, COLUMN_KIND, COLUMN_WIDTH, columnHeaders, sheetMessages, sheetRow, type SheetPlan } from "./columns";
import nb from "../i18n/messages/nb.json" with { type: "json" };
import en from "../i18n/messages/en.json" with { type: "json" };

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const DATE_FORMAT = "dd.mm.yyyy";
const enumLabels = { nb: nb.enums, en: en.enums } as const;

/** Writes the workbook of `batches` to `out`; resolves when the file is complete. */
export async function writePlanWorkbook(batches: AsyncIterable<SheetPlan[]>, locale: Locale, out: Writable): Promise<void> {
  const m = sheetMessages(locale);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(m.sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = COLUMN_KEYS.map((key, i) => ({
    header: columnHeaders(locale)[i], key, width: COLUMN_WIDTH[key],
    style: COLUMN_KIND[key] === "date" ? { numFmt: DATE_FORMAT } : COLUMN_KIND[key] === "list" || key === "summary" ? { alignment: { wrapText: true, vertical: "top" } } : { alignment: { vertical: "top" } },
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let rows = 1;
  for await (const batch of batches) {
    for (const plan of batch) {
      sheet.addRow(sheetRow(plan, locale)).commit();
      rows++;
    }
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows, column: COLUMN_KEYS.length } };
  sheet.commit();
  writeHelpSheet(workbook, locale);
  await workbook.commit();
}

function writeHelpSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, locale: Locale) {
  const m = sheetMessages(locale);
  const help = workbook.addWorksheet(m.helpSheetName);
  help.columns = [{ width: 26 }, { width: 90 }, { width: 40 }];
  help.addRow([m.helpColumn, m.helpMeaning]).font = { bold: true };
  for (const key of COLUMN_KEYS) help.addRow([m.columns[key], m.help[key]]);
  help.addRow([]);
  const groups = [["type", "planType"], ["status", "planStatus"], ["adoptedBy", "decisionBody"]] as const;
  for (const [column, labels] of groups) {
    help.addRow([`${m.helpCodes}: ${m.columns[column]}`, m.helpCode]).font = { bold: true };
    for (const code of COLUMN_CODES[column]) help.addRow([code, (enumLabels[locale][labels] as Record<string, string>)[code]]);
    help.addRow([]);
  }
  help.commit();
}

/** The workbook as a streamed download. */
export function planWorkbookResponse(filename: string, batches: AsyncIterable<SheetPlan[]>, locale: Locale): Response {
  const out = new PassThrough();
  writePlanWorkbook(batches, locale, out).catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return new Response(Readable.toWeb(out) as ReadableStream<Uint8Array>, { headers: downloadHeaders(XLSX_TYPE, filename) });
}

/** Headers of a file download that no cache keeps. */
export function downloadHeaders(type: string, filename: string): HeadersInit {
  return { "Content-Type": type, "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "private, no-store" };
}
