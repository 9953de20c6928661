// The register's downloads (/plans/export, /schedule/download): the one column set as xlsx or
// CSV, for any filter a page passes as a Prisma where and order.
import "server-only";
import { choice } from "../url-params";
import type { Prisma } from "../generated/prisma/client";
import type { Locale } from "../i18n/config";
import { csvIterableResponse, type CsvCell } from "../csv";
import { columnHeaders, sheetRow, type SheetPlan } from "./columns";
import { sheetPlanBatches } from "./plan-rows";
import { planWorkbookResponse } from "./xlsx";

export type ExportFormat = "xlsx" | "csv";

/** `format` of a download's query: "xlsx", else CSV (when absent, as the downloads always were). */
export const exportFormatSchema = choice(["csv", "xlsx"], "csv");

async function* csvBatches(batches: AsyncIterable<SheetPlan[]>, locale: Locale): AsyncGenerator<CsvCell[][]> {
  for await (const batch of batches) yield batch.map((p) => sheetRow(p, locale));
}

/** The plans matching `where`, in `orderBy`, as a streamed download named `<base>-<date>.<format>`. */
export function plansDownload(format: ExportFormat, base: string, where: Prisma.PlanWhereInput, orderBy: Prisma.PlanOrderByWithRelationInput[], locale: Locale, today: Date): Response {
  const filename = `${base}-${today.toISOString().slice(0, 10)}.${format}`;
  const batches = sheetPlanBatches(where, orderBy);
  return format === "xlsx" ? planWorkbookResponse(filename, batches, locale) : csvIterableResponse(filename, columnHeaders(locale), csvBatches(batches, locale));
}
