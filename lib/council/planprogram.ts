// The planprogram of a planning strategy as a council document (docx or xlsx): the decisions
// grouped by kind (new, revise, continue, repeal), each with its plan. Rows in, a Buffer out, so
// a draft planprogram can use it as well as an adopted one (leave `outcome` out for a draft; a
// draft's rows may still be undecided, "vurderes", and name the new plan that absorbs them).
import nb from "../i18n/messages/nb.json" with { type: "json" };
import en from "../i18n/messages/en.json" with { type: "json" };
import type { Locale } from "../i18n/config";
import type { Outcome } from "../periods/completion";
import { councilDocx, councilXlsx, type CouncilColumn, type CouncilTable } from "./document";

export type PlanprogramDocRow = {
  /** Null: still to be decided ("vurderes"), in a draft only. */
  decision: "new" | "revise" | "continue" | "repeal" | null; targetYear: number | null;
  /** A draft's new plan has no status yet (null). */
  plan: { title: string; type: string; status: string | null; adoptedOn: Date | null; caseNumber: string | null; responsibleUnit: string | null };
  /** Carried out? Only for a planning strategy that has been adopted. */
  outcome?: Outcome | null;
  /** The new plan of a draft that will replace this plan. */
  absorbedBy?: string | null;
};
export type PlanprogramDocMeta = {
  municipality: string; title: string; period: string; printedOn: Date; locale: Locale;
  /** The planning strategy's own case number, if any. */
  caseNumber?: string | null;
  /** The municipality's archive-link template (settings). */
  caseLinkTemplate: string | null;
};

const messages = { nb, en } as const;

/** The planprogram as a council table (rows in the order given; a heading where the kind changes). */
export function planprogramTable(meta: PlanprogramDocMeta, rows: PlanprogramDocRow[]): CouncilTable {
  const m = messages[meta.locale];
  const c = m.periods.programColumns;
  const withOutcome = rows.some((r) => r.outcome);
  const withAbsorbed = rows.some((r) => r.absorbedBy);
  const decision = (d: PlanprogramDocRow["decision"]) => (d === null ? m.periods.draft.undecided : m.enums.strategyDecision[d]);
  const columns: CouncilColumn[] = [
    { header: c.plan, width: 32 }, { header: c.type, width: 18 }, { header: c.adoptedOn, width: 11, kind: "date" }, { header: m.plans.fields.caseNumber, width: 11, kind: "caseNumber" },
    { header: c.decision, width: 12 },
    { header: c.targetYear, width: 8, kind: "number" }, { header: c.unit, width: 18 }, { header: c.status, width: 14 },
    ...(withOutcome ? [{ header: c.outcome, width: 14 }] : []),
    ...(withAbsorbed ? [{ header: m.periods.draft.columns.absorbedBy, width: 24 }] : []),
  ];
  const groups = new Map<number, string>();
  rows.forEach((r, i) => { if (i === 0 || rows[i - 1]!.decision !== r.decision) groups.set(i, decision(r.decision)); });
  return {
    municipality: meta.municipality, title: meta.title, subtitle: meta.period,
    printed: m.spreadsheet.printedOn.replace("{date}", new Intl.DateTimeFormat(meta.locale === "nb" ? "nb-NO" : "en-GB", { dateStyle: "long", timeZone: "Europe/Oslo" }).format(meta.printedOn)),
    columns, groups,
    caseNumber: meta.caseNumber ? { label: m.periods.fields.caseNumber, value: meta.caseNumber } : null,
    caseLinkTemplate: meta.caseLinkTemplate,
    rows: rows.map((r) => [
      r.plan.title, (m.enums.planType as Record<string, string>)[r.plan.type] ?? r.plan.type, r.plan.adoptedOn, r.plan.caseNumber, decision(r.decision), r.targetYear,
      r.plan.responsibleUnit, r.plan.status === null ? null : (m.enums.planStatus as Record<string, string>)[r.plan.status] ?? r.plan.status,
      ...(withOutcome ? [r.outcome ? m.outcome[r.outcome] : null] : []),
      ...(withAbsorbed ? [r.absorbedBy ?? null] : []),
    ]),
    labels: { page: m.spreadsheet.page, of: m.spreadsheet.of, sheetName: m.spreadsheet.programTitle },
  };
}

/** The planprogram as a Word or Excel file. */
export function planprogramDocument(format: "docx" | "xlsx", meta: PlanprogramDocMeta, rows: PlanprogramDocRow[]): Promise<Buffer> {
  const table = planprogramTable(meta, rows);
  return format === "docx" ? councilDocx(table) : councilXlsx(table);
}
