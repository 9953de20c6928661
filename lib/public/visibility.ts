// Who sees which plans. The public (innsyn, the API without a token) sees plans in force —
// adopted or under revision — plans on public consultation (public by law, pbl. § 5-2), and drafts
// an editor has marked public; never archived plans,
// repealed or replaced ones, or drafts that are not marked. A token's holder sees what their role may.
import { Prisma } from "../generated/prisma/client";
import type { PlanStatus } from "../generated/prisma/enums";
import { endedStatuses } from "../plans/active";

/** Who is reading: the public, or the holder of a personal API token (a user who may read the register). */
export type Audience = { kind: "public" } | { kind: "reader"; userId: number; tokenId: number };
export const PUBLIC: Audience = { kind: "public" };

export const adoptedStatuses = ["vedtatt", "under_revisjon"] as const satisfies readonly PlanStatus[];
export const draftStatuses = ["planlagt", "under_utarbeidelse"] as const satisfies readonly PlanStatus[];
/** Always public: a plan on consultation is there for everyone to read (docs/decisions/048). */
export const consultationStatuses = ["pa_horing"] as const satisfies readonly PlanStatus[];
const alwaysPublic: readonly PlanStatus[] = [...adoptedStatuses, ...consultationStatuses];

/** The plans the public may see. */
export const publicPlanWhere: Prisma.PlanWhereInput = {
  archivedAt: null,
  OR: [{ status: { in: [...alwaysPublic] } }, { status: { in: [...draftStatuses] }, publicDraft: true }],
};

/** publicPlanWhere as SQL over a plan aliased `p`. */
export const publicPlanSql = Prisma.sql`(p.archived_at IS NULL AND (p.status IN ('vedtatt', 'under_revisjon', 'pa_horing') OR (p.status IN ('planlagt', 'under_utarbeidelse') AND p.public_draft)))`;

/** Whether the public may see a plan (the same rule as publicPlanWhere, for plain objects). */
export function isPublicPlan(plan: { archivedAt: Date | null; status: PlanStatus; publicDraft: boolean }): boolean {
  if (plan.archivedAt) return false;
  if (alwaysPublic.includes(plan.status)) return true;
  return (draftStatuses as readonly PlanStatus[]).includes(plan.status) && plan.publicDraft;
}

/** The plans an audience may see; a reader's default leaves archived plans out as the register does. */
export function visiblePlanWhere(audience: Audience, includeArchived = false): Prisma.PlanWhereInput {
  if (audience.kind === "public") return publicPlanWhere;
  return includeArchived ? {} : { archivedAt: null };
}

/** Statuses the public may filter on (the others would always be empty). */
export const publicStatuses: readonly PlanStatus[] = [...alwaysPublic, ...draftStatuses];
export { endedStatuses };
