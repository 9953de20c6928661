// The register under the page's filters and sort (archived plans only when shown) as xlsx or CSV,
// in the column set the import reads. Guarded by authedRoute (session, plan.read, the query).
import { getLocale } from "next-intl/server";
import { authedRoute } from "@/lib/route";
import { todayInOslo } from "@/lib/dates";
import type { Locale } from "@/lib/i18n/config";
import { planListOrder, planListParamsSchema, planListWhere } from "@/lib/plans/list";
import { exportFormatSchema, plansDownload } from "@/lib/spreadsheet/export";
import { sheetMessages } from "@/lib/spreadsheet/columns";
import { municipalFileName } from "@/lib/tenant-files";

export const dynamic = "force-dynamic";

const query = planListParamsSchema.extend({ format: exportFormatSchema });

export const GET = authedRoute("plan.read", { query }, async ({ query: { format, ...params } }) => {
  const locale = (await getLocale()) as Locale;
  return plansDownload(format, await municipalFileName(sheetMessages(locale).filename.plans), planListWhere(params), planListOrder(params), locale, todayInOslo());
});
