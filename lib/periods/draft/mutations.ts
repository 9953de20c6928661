// Writes to a draft planprogram: the proposal when a draft starts, one row's change (optimistic
// concurrency on the row's version, as plans), a bulk change over a selection or a filter, new
// plans and what they absorb. Each in one transaction with its audit row; none touches a plan.
import "server-only";
import { db } from "../../db";
import { recordAudit } from "../../audit";
import { DomainError } from "../../errors";
import { Prisma } from "../../generated/prisma/client";
import { draftFrom } from "./queries";
import { UNDECIDED, type DraftBulkInput, type DraftItemInput, type DraftNewPlanInput } from "./schema";

type Tx = Prisma.TransactionClient;
const osloTime = (d: Date) => new Intl.DateTimeFormat("nb-NO", { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Oslo" }).format(d);
const TX = { maxWait: 60_000, timeout: 60_000 } as const;
const KOMMUNEPLAN = Prisma.sql`p.type IN ('kommuneplan_samfunnsdel', 'kommuneplan_arealdel')`;

/**
 * The register's proposal (decision 031), one row per active plan: revision due by the end of the
 * period → revise, in the year it is due; due before the period's first year → revise in the first
 * year, with the reason "overdue" (not "within the period"); due later →
 * continue; no revision date → to be assessed, flagged; kommuneplanens samfunnsdel and arealdel
 * → to be assessed ("vurder revisjon"), flagged, whatever their date. Returns the rows written.
 */
export function proposeDraft(tx: Tx, period: { id: number; startYear: number; endYear: number }, actorId: number): Promise<number> {
  const dueYear = Prisma.sql`extract(year FROM p.revision_due_on)::int`;
  const dueInPeriod = Prisma.sql`(p.revision_due_on IS NOT NULL AND ${dueYear} <= ${period.endYear})`;
  const overdue = Prisma.sql`(p.revision_due_on IS NOT NULL AND ${dueYear} < ${period.startYear})`;
  return tx.$executeRaw`
    INSERT INTO strategy_draft_items (period_id, plan_id, decision, target_year, responsible_unit, reason, due_on, flagged, updated_by_id, updated_at)
    SELECT ${period.id}, p.id,
      (CASE WHEN ${KOMMUNEPLAN} OR p.revision_due_on IS NULL THEN NULL WHEN ${dueInPeriod} THEN 'revise' ELSE 'continue' END)::"StrategyDecisionKind",
      CASE WHEN ${dueInPeriod} THEN greatest(${dueYear}, ${period.startYear}) END,
      p.responsible_unit,
      (CASE WHEN ${KOMMUNEPLAN} THEN 'consider_revision' WHEN p.revision_due_on IS NULL THEN 'no_due_date' WHEN ${overdue} THEN 'overdue' WHEN ${dueInPeriod} THEN 'due_in_period' ELSE 'due_later' END)::"DraftReason",
      p.revision_due_on, ${KOMMUNEPLAN} OR p.revision_due_on IS NULL, ${actorId}, now()
    FROM plans p WHERE p.archived_at IS NULL AND p.status NOT IN ('opphevet', 'erstattet')`;
}

/** The period, if it is still a draft (not adopted); else a domain error. */
export async function draftPeriodOrThrow(tx: Tx, periodId: number, lock = false) {
  if (lock) await tx.$queryRaw`SELECT id FROM strategy_periods WHERE id = ${periodId} FOR UPDATE`;
  const period = await tx.strategyPeriod.findUnique({ where: { id: periodId } });
  if (!period) throw new DomainError("not_found", "periodUnknown");
  if (period.adoptedOn) throw new DomainError("conflict", "draftAdopted");
  return period;
}

const itemSnapshot = (i: { decision: string | null; targetYear: number | null; responsibleUnit: string | null; absorbedById: number | null }) =>
  ({ decision: i.decision ?? UNDECIDED, targetYear: i.targetYear, responsibleUnit: i.responsibleUnit, absorbedById: i.absorbedById });

async function assertAbsorber(tx: Tx, periodId: number, absorberId: number | null) {
  if (absorberId === null) return;
  const absorber = await tx.strategyDraftItem.findUnique({ where: { id: absorberId }, select: { periodId: true, planId: true } });
  if (!absorber || absorber.periodId !== periodId || absorber.planId !== null) throw new DomainError("invalid", "draftAbsorberUnknown", "absorbedById");
}

/** Saves one row's change made from `version`; refused with who changed it if someone saved it since. */
export function updateDraftItem(actorId: number, input: DraftItemInput): Promise<{ version: number }> {
  return db.$transaction(async (tx) => {
    await draftPeriodOrThrow(tx, input.periodId);
    const before = await tx.strategyDraftItem.findUnique({ where: { id: input.itemId } });
    if (!before || before.periodId !== input.periodId) throw new DomainError("not_found", "notFound");
    // A new plan is always "new", and is not absorbed itself.
    const isNew = before.planId === null;
    if (!isNew) await assertAbsorber(tx, input.periodId, input.absorbedById);
    const data = { decision: isNew ? "new" as const : input.decision, targetYear: input.targetYear, responsibleUnit: input.responsibleUnit, absorbedById: isNew ? null : input.absorbedById };
    const { count } = await tx.strategyDraftItem.updateMany({ where: { id: input.itemId, version: input.version }, data: { ...data, version: { increment: 1 }, updatedById: actorId } });
    if (count === 0) {
      // Read again: the update waited for the other writer's commit, which is now visible.
      const now = await tx.strategyDraftItem.findUnique({ where: { id: input.itemId }, select: { updatedAt: true, updatedBy: { select: { name: true } } } });
      throw new DomainError("conflict", "draftConflict", undefined, { name: now?.updatedBy?.name ?? "?", at: osloTime(now?.updatedAt ?? before.updatedAt) });
    }
    await recordAudit(tx, { type: "period.draft_changed", actorId, periodId: input.periodId, before: { itemId: before.id, planId: before.planId, ...itemSnapshot(before) }, after: { itemId: before.id, planId: before.planId, ...itemSnapshot(data) } });
    return { version: input.version + 1 };
  }, TX);
}

/** Applies the given fields to the selected rows or every row under the filter: one statement, one audit row. */
export function bulkUpdateDraft(actorId: number, input: DraftBulkInput): Promise<{ count: number }> {
  return db.$transaction(async (tx) => {
    await draftPeriodOrThrow(tx, input.periodId);
    const filter = { q: input.filterQ, decision: input.filterDecision, unit: input.filterUnit, type: input.filterType, year: input.filterYear };
    const chosen = input.scope === "selected"
      ? Prisma.sql`SELECT id FROM strategy_draft_items WHERE period_id = ${input.periodId} AND id = ANY(${input.itemIds}::int[])`
      : Prisma.sql`SELECT i.id FROM ${draftFrom(input.periodId, filter)}`;
    const set = [Prisma.sql`version = version + 1`, Prisma.sql`updated_by_id = ${actorId}`, Prisma.sql`updated_at = now()`];
    // New plans stay "new": a decision applies to existing plans only.
    if (input.setDecision !== null) set.push(Prisma.sql`decision = CASE WHEN plan_id IS NULL THEN 'new' ELSE ${input.setDecision === UNDECIDED ? null : input.setDecision}::"StrategyDecisionKind" END`);
    if (input.setTargetYear !== null) set.push(Prisma.sql`target_year = ${input.setTargetYear}`);
    if (input.setUnit !== null) set.push(Prisma.sql`responsible_unit = ${input.setUnit}`);
    const count = await tx.$executeRaw`UPDATE strategy_draft_items SET ${Prisma.join(set, ", ")} WHERE id IN (${chosen})`;
    await recordAudit(tx, {
      type: "period.draft_bulk_changed", actorId, periodId: input.periodId, before: null,
      after: { scope: input.scope, ...(input.scope === "selected" ? { itemIds: input.itemIds } : { filter }), count, decision: input.setDecision, targetYear: input.setTargetYear, responsibleUnit: input.setUnit },
    });
    return { count };
  }, TX);
}

/** Adds a new plan to the draft, absorbing the given rows (existing plans of the same draft). */
export function addDraftPlan(actorId: number, input: DraftNewPlanInput): Promise<{ id: number }> {
  return db.$transaction(async (tx) => {
    await draftPeriodOrThrow(tx, input.periodId, true);
    if ((await tx.strategyDraftItem.count({ where: { periodId: input.periodId, planId: null } })) >= 200) throw new DomainError("invalid", "draftTooManyNew", "title");
    const taken = await tx.$queryRaw<{ id: number }[]>`
      SELECT id FROM plans WHERE archived_at IS NULL AND type = ${input.type}::"PlanType" AND lower(title) = lower(${input.title})
      UNION ALL SELECT id FROM strategy_draft_items WHERE period_id = ${input.periodId} AND type = ${input.type}::"PlanType" AND lower(title) = lower(${input.title}) LIMIT 1`;
    if (taken.length) throw new DomainError("conflict", "titleTaken", "title");
    const item = await tx.strategyDraftItem.create({
      data: { periodId: input.periodId, title: input.title, type: input.type, decision: "new", targetYear: input.targetYear, responsibleUnit: input.responsibleUnit, reason: "added", updatedById: actorId },
    });
    if (input.absorbs.length) {
      const { count } = await tx.strategyDraftItem.updateMany({ where: { id: { in: input.absorbs }, periodId: input.periodId, planId: { not: null } }, data: { absorbedById: item.id, version: { increment: 1 }, updatedById: actorId } });
      if (count !== new Set(input.absorbs).size) throw new DomainError("invalid", "draftAbsorberUnknown", "absorbs");
    }
    await recordAudit(tx, { type: "period.draft_plan_added", actorId, periodId: input.periodId, before: null, after: { itemId: item.id, title: input.title, type: input.type, targetYear: input.targetYear, responsibleUnit: input.responsibleUnit, absorbs: input.absorbs } });
    return { id: item.id };
  }, TX);
}

/** Removes a new plan from the draft (the rows it absorbed are no longer absorbed). */
export function removeDraftPlan(actorId: number, input: { periodId: number; itemId: number; version: number }): Promise<void> {
  return db.$transaction(async (tx) => {
    await draftPeriodOrThrow(tx, input.periodId);
    const item = await tx.strategyDraftItem.findUnique({ where: { id: input.itemId } });
    if (!item || item.periodId !== input.periodId || item.planId !== null) throw new DomainError("not_found", "notFound");
    const { count } = await tx.strategyDraftItem.deleteMany({ where: { id: input.itemId, version: input.version } });
    if (count === 0) throw new DomainError("conflict", "draftConflict", undefined, { name: "?", at: osloTime(item.updatedAt) });
    await recordAudit(tx, { type: "period.draft_plan_removed", actorId, periodId: input.periodId, before: { itemId: item.id, title: item.title, type: item.type }, after: {} });
  }, TX);
}
