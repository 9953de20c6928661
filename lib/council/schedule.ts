// The revision schedule as a council document (docx or xlsx): every active plan under the
// schedule's filters, in its order, with the revision state as of the day printed.
import nb from "../i18n/messages/nb.json" with { type: "json" };
import en from "../i18n/messages/en.json" with { type: "json" };
import type { Locale } from "../i18n/config";
import { dueState } from "../schedule/due";
import { councilDocx, councilXlsx, type CouncilTable } from "./document";

export type ScheduleDocRow = { title: string; type: string; responsibleUnit: string | null; owner: { name: string } | null; adoptedOn: Date | null; caseNumber: string | null; revisionDueOn: Date | null };
/** `caseLinkTemplate`: the municipality's archive-link template (settings). */
export type ScheduleDocMeta = { municipality: string; subtitle: string; printedOn: Date; today: Date; locale: Locale; caseLinkTemplate: string | null };

const messages = { nb, en } as const;

/** The schedule as a council table. */
export function scheduleTable(meta: ScheduleDocMeta, rows: ScheduleDocRow[]): CouncilTable {
  const m = messages[meta.locale];
  const c = m.schedule.columns;
  return {
    municipality: meta.municipality, title: m.spreadsheet.scheduleTitle, subtitle: meta.subtitle,
    printed: m.spreadsheet.printedOn.replace("{date}", new Intl.DateTimeFormat(meta.locale === "nb" ? "nb-NO" : "en-GB", { dateStyle: "long", timeZone: "Europe/Oslo" }).format(meta.printedOn)),
    columns: [
      { header: c.plan, width: 32 }, { header: c.type, width: 18 }, { header: c.unit, width: 18 }, { header: c.owner, width: 16 },
      { header: c.adoptedOn, width: 11, kind: "date" }, { header: m.plans.fields.caseNumber, width: 11, kind: "caseNumber" },
      { header: c.revisionDueOn, width: 11, kind: "date" }, { header: c.state, width: 14 },
    ],
    caseLinkTemplate: meta.caseLinkTemplate,
    rows: rows.map((p) => [
      p.title, (m.enums.planType as Record<string, string>)[p.type] ?? p.type, p.responsibleUnit, p.owner?.name ?? null, p.adoptedOn, p.caseNumber, p.revisionDueOn,
      m.dueState[dueState(p.revisionDueOn, meta.today)],
    ]),
    labels: { page: m.spreadsheet.page, of: m.spreadsheet.of, sheetName: m.spreadsheet.scheduleTitle },
  };
}

/** The schedule as a Word or Excel file. */
export function scheduleDocument(format: "docx" | "xlsx", meta: ScheduleDocMeta, rows: ScheduleDocRow[]): Promise<Buffer> {
  const table = scheduleTable(meta, rows);
  return format === "docx" ? councilDocx(table) : councilXlsx(table);
}
