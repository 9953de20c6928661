// The Røros example data as an import file (new plans, in the export's column set).
// Guarded by authedRoute with plan.write, as the import is.
import { getLocale } from "next-intl/server";
import { authedRoute } from "@/lib/route";
import type { Locale } from "@/lib/i18n/config";
import { examplePlans } from "@/lib/import/example";
import { sheetMessages } from "@/lib/spreadsheet/columns";
import { planWorkbookResponse } from "@/lib/spreadsheet/xlsx";

export const dynamic = "force-dynamic";

async function* rows() {
  yield examplePlans();
}

export const GET = authedRoute("plan.write", {}, async () => {
  const locale = (await getLocale()) as Locale;
  return planWorkbookResponse(`${sheetMessages(locale).filename.example}.xlsx`, rows(), locale);
});
