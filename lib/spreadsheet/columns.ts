// The one column set of the register's spreadsheets: the xlsx and CSV exports write it and the
// import reads it, so an exported file comes back unchanged (docs/decisions/022).
import nb from "../i18n/messages/nb.json" with { type: "json" };
import en from "../i18n/messages/en.json" with { type: "json" };
import type { Locale } from "../i18n/config";
import { decisionBodies, planStatuses, planTypes, relationKinds } from "../plans/schema";

export const COLUMN_KEYS = [
  "id", "version", "title", "type", "status", "adoptedOn", "adoptedBy", "caseNumber", "decisionUrl", "revisionDueOn",
  "periodFromYear", "periodToYear", "responsibleUnit", "owner", "legallyRequired", "targets", "summary", "documents", "relations",
  // Stages and national codes (docs/decisions/048, 049), after the older columns so their places stay.
  "startNoticeOn", "consultationFrom", "consultationTo", "consultationUrl", "consultation2From", "consultation2To", "consultation2Url",
  "nationalPlanId", "sosiPlantype", "sosiPlanstatus",
] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

/** How a column's cells are written and read. */
export const COLUMN_KIND: Record<ColumnKey, "int" | "text" | "date" | "code" | "bool" | "list"> = {
  id: "int", version: "int", title: "text", type: "code", status: "code", adoptedOn: "date", adoptedBy: "code", caseNumber: "text",
  decisionUrl: "text", revisionDueOn: "date", periodFromYear: "int", periodToYear: "int", responsibleUnit: "text", owner: "text",
  legallyRequired: "bool", targets: "list", summary: "text", documents: "list", relations: "list",
  startNoticeOn: "date", consultationFrom: "date", consultationTo: "date", consultationUrl: "text", consultation2From: "date", consultation2To: "date",
  consultation2Url: "text", nationalPlanId: "text", sosiPlantype: "int", sosiPlanstatus: "int",
};

/** Column widths in characters (xlsx). */
export const COLUMN_WIDTH: Record<ColumnKey, number> = {
  id: 7, version: 8, title: 40, type: 24, status: 20, adoptedOn: 12, adoptedBy: 18, caseNumber: 14, decisionUrl: 30, revisionDueOn: 12,
  periodFromYear: 10, periodToYear: 10, responsibleUnit: 24, owner: 28, legallyRequired: 10, targets: 20, summary: 50, documents: 40, relations: 20,
  startNoticeOn: 12, consultationFrom: 12, consultationTo: 12, consultationUrl: 30, consultation2From: 12, consultation2To: 12, consultation2Url: 30,
  nationalPlanId: 16, sosiPlantype: 10, sosiPlanstatus: 10,
};

/** The codes a code column allows. */
export const COLUMN_CODES = { type: planTypes, status: planStatuses, adoptedBy: decisionBodies } as const;

const messages = { nb, en } as const;
export type SheetMessages = (typeof messages)["nb"]["spreadsheet"];

/** The spreadsheet texts in one language. */
export const sheetMessages = (locale: Locale): SheetMessages => messages[locale].spreadsheet;

/** The header row in `locale`. */
export const columnHeaders = (locale: Locale): string[] => COLUMN_KEYS.map((k) => sheetMessages(locale).columns[k]);

/** Relation kinds as the cells write them ("erstatter: 12"), per language. */
export const relationWord = (locale: Locale, kind: (typeof relationKinds)[number]): string => messages[locale].enums.relationOutgoing[kind].toLowerCase();

/** Yes / no as the cells write them. */
export const yesNo = (locale: Locale, value: boolean): string => (value ? messages[locale].common.yes : messages[locale].common.no);

/** A plan as one spreadsheet row reads it. */
export type SheetPlan = {
  id: number | null; version: number | null; title: string; type: string; status: string; adoptedOn: Date | null; adoptedBy: string | null;
  caseNumber: string | null; decisionUrl: string | null; revisionDueOn: Date | null; periodFromYear: number | null; periodToYear: number | null;
  responsibleUnit: string | null; ownerEmail: string | null; legallyRequired: boolean; targets: string[]; summary: string;
  documents: { label: string; url: string }[]; relations: { kind: (typeof relationKinds)[number]; toPlanId: number }[];
  startNoticeOn: Date | null; consultationFrom: Date | null; consultationTo: Date | null; consultationUrl: string | null;
  consultation2From: Date | null; consultation2To: Date | null; consultation2Url: string | null;
  /** The codes in effect (hand choice or derived); the import reads a derived one back as "derived". */
  nationalPlanId: string | null; sosiPlantype: number | null; sosiPlanstatus: number | null;
};

/** A sheet plan's stage and national cells when none is set. */
export const NO_SHEET_STAGES = {
  startNoticeOn: null, consultationFrom: null, consultationTo: null, consultationUrl: null, consultation2From: null, consultation2To: null,
  consultation2Url: null, nationalPlanId: null, sosiPlantype: null, sosiPlanstatus: null,
} as const satisfies Partial<SheetPlan>;

export type SheetValue = string | number | Date | null;

/** The row's cells in column order, typed: numbers, dates, Ja/Nei, lists as text. */
export function sheetRow(p: SheetPlan, locale: Locale): SheetValue[] {
  const cells: Record<ColumnKey, SheetValue> = {
    id: p.id, version: p.version, title: p.title, type: p.type, status: p.status, adoptedOn: p.adoptedOn, adoptedBy: p.adoptedBy,
    caseNumber: p.caseNumber, decisionUrl: p.decisionUrl, revisionDueOn: p.revisionDueOn, periodFromYear: p.periodFromYear,
    periodToYear: p.periodToYear, responsibleUnit: p.responsibleUnit, owner: p.ownerEmail, legallyRequired: yesNo(locale, p.legallyRequired),
    targets: p.targets.join("; ") || null, summary: p.summary || null,
    documents: p.documents.map((d) => `${d.label} | ${d.url}`).join("\n") || null,
    relations: p.relations.map((r) => `${relationWord(locale, r.kind)}: ${r.toPlanId}`).join("; ") || null,
    startNoticeOn: p.startNoticeOn, consultationFrom: p.consultationFrom, consultationTo: p.consultationTo, consultationUrl: p.consultationUrl,
    consultation2From: p.consultation2From, consultation2To: p.consultation2To, consultation2Url: p.consultation2Url,
    nationalPlanId: p.nationalPlanId, sosiPlantype: p.sosiPlantype, sosiPlanstatus: p.sosiPlanstatus,
  };
  return COLUMN_KEYS.map((k) => cells[k]);
}
