// "Last ned mal": the export's workbook with no plans (headers, and the sheet explaining each
// column and its codes). Guarded by authedRoute with plan.write, as the import is.
import { getLocale } from "next-intl/server";
import { authedRoute } from "@/lib/route";
import type { Locale } from "@/lib/i18n/config";
import { sheetMessages } from "@/lib/spreadsheet/columns";
import { planWorkbookResponse } from "@/lib/spreadsheet/xlsx";

export const dynamic = "force-dynamic";

async function* none() {}

export const GET = authedRoute("plan.write", {}, async () => {
  const locale = (await getLocale()) as Locale;
  return planWorkbookResponse(`${sheetMessages(locale).filename.template}.xlsx`, none(), locale);
});
