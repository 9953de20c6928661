// Turning plan rows into the allow-listed shapes of lib/public/fields.ts. The public shape is
// built field by field from the allow-list's keys, so a new column never reaches the public by accident.
import type { Prisma } from "../generated/prisma/client";
import { isoDate, todayInOslo } from "../dates";
import { dueState } from "../schedule/due";
import { stageFields, stageSelect } from "../plans/stage-view";
import { PUBLIC_PLAN_FIELDS, type Plan, type PublicPlan } from "./fields";
import type { Audience } from "./visibility";

/** The columns a plan row is read with for the register, the schedule and the API. */
export const planRowSelect = {
  id: true, title: true, type: true, status: true, adoptedOn: true, adoptedBy: true, caseNumber: true, decisionUrl: true,
  revisionDueOn: true, periodFromYear: true, periodToYear: true, responsibleUnit: true, summary: true, legallyRequired: true,
  updatedAt: true, archivedAt: true, publicDraft: true, ...stageSelect,
  owner: { select: { id: true, name: true } },
  targets: { select: { targetCode: true }, orderBy: { targetCode: "asc" } },
} as const satisfies Prisma.PlanSelect;
export type PlanRow = Prisma.PlanGetPayload<{ select: typeof planRowSelect }>;

const day = (d: Date | null) => (d ? isoDate(d) : null);

/** The plan as its reader may see it: the allow-listed fields, plus owner and flags for a token's holder. */
export function shapePlan(row: PlanRow, audience: Audience, now = new Date()): PublicPlan | Plan {
  const all: PublicPlan = {
    id: row.id, title: row.title, type: row.type, status: row.status, adoptedOn: day(row.adoptedOn), adoptedBy: row.adoptedBy,
    caseNumber: row.caseNumber, decisionUrl: row.decisionUrl, revisionDueOn: day(row.revisionDueOn),
    dueState: dueState(row.revisionDueOn, todayInOslo(now)), periodFromYear: row.periodFromYear, periodToYear: row.periodToYear,
    responsibleUnit: row.responsibleUnit, summary: row.summary, legallyRequired: row.legallyRequired,
    sdgTargets: row.targets.map((t) => t.targetCode), updatedAt: row.updatedAt.toISOString(),
    ...stageFields(row, todayInOslo(now)),
  };
  const pub = Object.fromEntries(PUBLIC_PLAN_FIELDS.map((k) => [k, all[k]])) as PublicPlan;
  if (audience.kind === "public") return pub;
  return { ...pub, owner: row.owner, archived: row.archivedAt !== null, publicDraft: row.publicDraft };
}
