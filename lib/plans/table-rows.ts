// What one row of the register's table shows, the same for the register and innsyn: the staff's
// rows from the plan list, the public's from the allow-listed fields only (lib/public/fields.ts).
import type { PlanListRow } from "./list";
import type { PublicPlan } from "../public/fields";
import { isActivePlan } from "./active";
import { consultationViews, type ConsultationView } from "./stage-view";

export type PlanTableRow = {
  id: number; title: string; type: PlanListRow["type"]; status: PlanListRow["status"]; adoptedOn: Date | null; revisionDueOn: Date | null;
  responsibleUnit: string | null; archived: boolean; overdue: boolean;
  /** The consultation shown under the status, in words: open, or its deadline passed; else null. */
  consultation: ConsultationView | null;
};
export type PlanTableInput = { audience: "staff"; plans: PlanListRow[] } | { audience: "public"; plans: PublicPlan[] };

const day = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);
const shown = (c: ConsultationView | null | undefined) => (c && (c.state === "open" || c.deadlinePassed) ? c : null);

/** The table's rows; "overdue" is the schedule's word, for plans that still have something to revise. */
export function planTableRows(input: PlanTableInput, today: Date): PlanTableRow[] {
  if (input.audience === "public") {
    return input.plans.map((p) => ({
      id: p.id, title: p.title, type: p.type, status: p.status, adoptedOn: day(p.adoptedOn), revisionDueOn: day(p.revisionDueOn), responsibleUnit: p.responsibleUnit,
      archived: false, overdue: p.dueState === "overdue", consultation: shown(p.consultation),
    }));
  }
  return input.plans.map((p) => ({
    id: p.id, title: p.title, type: p.type, status: p.status, adoptedOn: p.adoptedOn, revisionDueOn: p.revisionDueOn, responsibleUnit: p.responsibleUnit,
    archived: p.archivedAt !== null, overdue: isActivePlan(p) && p.revisionDueOn !== null && p.revisionDueOn < today, consultation: shown(consultationViews(p, today).at(-1)),
  }));
}
