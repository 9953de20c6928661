// A period's whole planprogram as a council document: Word (?format=docx) or Excel (?format=xlsx).
// With ?draft=1, the draft planprogram of a period not yet adopted: the proposed decisions, target
// years, units and new plans (issue 14), through the same exporter.
// Guarded by authedRoute (session, plan.read, the path and the query).
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { authedRoute, idParamsSchema } from "@/lib/route";
import { DomainError } from "@/lib/errors";
import { todayInOslo } from "@/lib/dates";
import type { Locale } from "@/lib/i18n/config";
import { choice, optional } from "@/lib/url-params";
import { getPeriod, programBatch } from "@/lib/periods/queries";
import { draftProgramBatch } from "@/lib/periods/draft/queries";
import { DOCX_TYPE } from "@/lib/council/document";
import { boundedCouncilFile, councilBusy } from "@/lib/council/bounded";
import { getSettings } from "@/lib/settings";
import { planprogramDocument, type PlanprogramDocRow } from "@/lib/council/planprogram";
import { sheetMessages } from "@/lib/spreadsheet/columns";
import { downloadHeaders, XLSX_TYPE } from "@/lib/spreadsheet/xlsx";
import { municipalFileName } from "@/lib/tenant-files";

export const dynamic = "force-dynamic";

const query = z.object({ format: choice(["docx", "xlsx"], "docx"), draft: optional(z.literal("1")) });

export const GET = authedRoute("plan.read", { params: idParamsSchema, query }, async ({ params: { id }, query: { format, draft: draftParam } }) => {
  const period = await getPeriod(id);
  const draft = draftParam === "1";
  // An adopted period's draft has become its decisions: there is no draft to export.
  if (!period || (draft && period.adoptedOn)) throw new DomainError("not_found", "periodUnknown");
  const locale = (await getLocale()) as Locale;
  const today = todayInOslo();
  const m = sheetMessages(locale);
  const title = draft ? (await getTranslations({ locale, namespace: "periods.draft" }))("title") : m.programTitle;
  const { municipalityName: municipality, caseLinkTemplate } = await getSettings();
  const key = `program ${JSON.stringify([period.id, draft, format, locale, today, municipality, caseLinkTemplate])}`;
  const file = await boundedCouncilFile(key, async () => {
    const rows: PlanprogramDocRow[] = [];
    for (let batch = 0; ; batch++) {
      const part = draft ? await draftProgramBatch(period.id, batch) : await programBatch(period, today, batch);
      rows.push(...part);
      if (part.length < 1000) break;
    }
    return planprogramDocument(format, { municipality, title: `${title}: ${period.name}`, period: `${period.startYear}–${period.endYear}`, printedOn: new Date(), locale, caseNumber: period.caseNumber, caseLinkTemplate }, rows);
  });
  if (!file) return councilBusy();
  const name = `${m.filename.program}${draft ? `-${m.filename.draft}` : ""}-${period.id}-${today.toISOString().slice(0, 10)}.${format}`;
  return new Response(new Uint8Array(file), { headers: downloadHeaders(format === "xlsx" ? XLSX_TYPE : DOCX_TYPE, await municipalFileName(name)) });
});
