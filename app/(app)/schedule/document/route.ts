// The revision schedule under the page's filters as a council document: Word (?format=docx) or
// Excel (?format=xlsx). Guarded by authedRoute (session, plan.read, the query).
import { getLocale, getTranslations } from "next-intl/server";
import { authedRoute } from "@/lib/route";
import { todayInOslo } from "@/lib/dates";
import type { Locale } from "@/lib/i18n/config";
import { choice } from "@/lib/url-params";
import { scheduleParamsSchema } from "@/lib/schedule/params";
import { scheduleBatch } from "@/lib/schedule/queries";
import { electionPeriodOf } from "@/lib/schedule/election";
import { DOCX_TYPE } from "@/lib/council/document";
import { boundedCouncilFile, councilBusy } from "@/lib/council/bounded";
import { getSettings } from "@/lib/settings";
import { scheduleDocument, type ScheduleDocRow } from "@/lib/council/schedule";
import { sheetMessages } from "@/lib/spreadsheet/columns";
import { downloadHeaders, XLSX_TYPE } from "@/lib/spreadsheet/xlsx";
import { municipalFileName } from "@/lib/tenant-files";

export const dynamic = "force-dynamic";

const query = scheduleParamsSchema.extend({ format: choice(["docx", "xlsx"], "docx") });

export const GET = authedRoute("plan.read", { query }, async ({ query: { format, ...params } }) => {
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("schedule");
  const today = todayInOslo();
  const { municipalityName: municipality, caseLinkTemplate } = await getSettings();
  // One build per register version, filters, format, language, day, name and archive link (lib/council/bounded.ts).
  const key = `schedule ${JSON.stringify([params, format, locale, today, municipality, caseLinkTemplate])}`;
  const file = await boundedCouncilFile(key, async () => {
    const rows: ScheduleDocRow[] = [];
    for (let batch = 0; ; batch++) {
      const part = await scheduleBatch(params, batch);
      rows.push(...part);
      if (part.length < 1000) break;
    }
    const period = params.period ? electionPeriodOf(params.period) : null;
    const subtitle = [period ? `${t("period")} ${period.startYear}–${period.endYear}` : null, t("count", { count: rows.length })].filter(Boolean).join(" · ");
    return scheduleDocument(format, { municipality, subtitle, printedOn: new Date(), today, locale, caseLinkTemplate }, rows);
  });
  if (!file) return councilBusy();
  const m = sheetMessages(locale);
  return new Response(new Uint8Array(file), { headers: downloadHeaders(format === "xlsx" ? XLSX_TYPE : DOCX_TYPE, await municipalFileName(`${m.filename.schedule}-${today.toISOString().slice(0, 10)}.${format}`)) });
});
