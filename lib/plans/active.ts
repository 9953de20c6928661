// Which plans are "in force or on the way": the schedule, the overview, the SDG coverage and the
// calendar feed all count these. Archived plans and plans repealed or replaced are left out.
import type { Prisma } from "../generated/prisma/client";
import type { PlanStatus } from "../generated/prisma/enums";

/** Statuses of plans that no longer apply. */
export const endedStatuses = ["opphevet", "erstattet"] as const satisfies readonly PlanStatus[];

/** Prisma filter for active plans (not archived, not repealed or replaced). */
// `satisfies`, not `as const`: Prisma's filter types take mutable arrays.
export const activePlanWhere = { archivedAt: null, status: { notIn: [...endedStatuses] } } satisfies Prisma.PlanWhereInput;

/** Whether a plan counts as active (the same rule as activePlanWhere, for plain objects). */
export function isActivePlan(plan: { archivedAt: Date | null; status: PlanStatus }): boolean {
  return plan.archivedAt === null && !(endedStatuses as readonly PlanStatus[]).includes(plan.status);
}
