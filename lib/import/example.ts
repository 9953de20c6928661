// The files offered beside the upload: an empty template and the Røros example data, both in the
// export's column set (lib/spreadsheet), as new plans (no id, no owner: the demo's users exist
// only in a demo installation).
import { demoPlans } from "../../prisma/seed/demo";
import { NO_SHEET_STAGES, type SheetPlan } from "../spreadsheet/columns";

const date = (iso?: string) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

/** The example plans as spreadsheet rows. */
export function examplePlans(): SheetPlan[] {
  return demoPlans.map((p) => ({
    id: null, version: null, title: p.title, type: p.type, status: p.status, adoptedOn: date(p.adoptedOn), adoptedBy: p.adoptedBy ?? null,
    caseNumber: p.caseNumber ?? null, decisionUrl: null, revisionDueOn: date(p.revisionDueOn), periodFromYear: p.periodFromYear ?? null,
    periodToYear: p.periodToYear ?? null, responsibleUnit: p.responsibleUnit, ownerEmail: null, legallyRequired: p.legallyRequired ?? false,
    targets: p.targets, summary: p.summary, documents: [], relations: [], ...NO_SHEET_STAGES,
  }));
}
