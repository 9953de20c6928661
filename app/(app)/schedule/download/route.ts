// The whole revision schedule under the page's filters as xlsx or CSV (the page itself is paged),
// in the register's one column set. Guarded by authedRoute (session, plan.read, the query).
import { getLocale } from "next-intl/server";
import { authedRoute } from "@/lib/route";
import { todayInOslo } from "@/lib/dates";
import type { Locale } from "@/lib/i18n/config";
import { scheduleParamsSchema } from "@/lib/schedule/params";
import { scheduleOrder, scheduleWhere } from "@/lib/schedule/queries";
import { exportFormatSchema, plansDownload } from "@/lib/spreadsheet/export";
import { sheetMessages } from "@/lib/spreadsheet/columns";
import { municipalFileName } from "@/lib/tenant-files";

export const dynamic = "force-dynamic";

const query = scheduleParamsSchema.extend({ format: exportFormatSchema });

export const GET = authedRoute("plan.read", { query }, async ({ query: { format, ...params } }) => {
  const locale = (await getLocale()) as Locale;
  return plansDownload(format, await municipalFileName(sheetMessages(locale).filename.schedule), scheduleWhere(params), scheduleOrder(params.group ?? "type"), locale, todayInOslo());
});
