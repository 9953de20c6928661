// Publishing and adopting a draft planprogram. Adoption turns the draft into the period's
// decisions in one transaction: new plans created as planlagt (replacing the plans they absorb),
// changed responsible units written to the plans, one decision per row, each change audited, and
// the period marked adopted last. Before this, the draft has changed no plan.
import "server-only";
import { db } from "../../db";
import { recordAudit } from "../../audit";
import { isoDate } from "../../dates";
import { DomainError } from "../../errors";
import { planSnapshot } from "../../plans/snapshot";
import { periodSnapshot } from "../mutations";
import { draftPeriodOrThrow } from "./mutations";
import type { AdoptInput } from "./schema";

const TX = { maxWait: 60_000, timeout: 120_000 } as const;

/** Records that the draft was made public on `draftPublishedOn` (blocks nothing). */
export function publishDraft(actorId: number, input: { periodId: number; loadedAt: number; draftPublishedOn: Date | null }): Promise<void> {
  return db.$transaction(async (tx) => {
    const before = await draftPeriodOrThrow(tx, input.periodId);
    const { count } = await tx.strategyPeriod.updateMany({ where: { id: input.periodId, updatedAt: new Date(input.loadedAt) }, data: { draftPublishedOn: input.draftPublishedOn } });
    if (count === 0) throw new DomainError("conflict", "periodConflict");
    await recordAudit(tx, { type: "period.published", actorId, periodId: input.periodId, before: { draftPublishedOn: before.draftPublishedOn ? isoDate(before.draftPublishedOn) : null }, after: { draftPublishedOn: input.draftPublishedOn ? isoDate(input.draftPublishedOn) : null } });
  }, TX);
}

export type AdoptionSummary = { decisions: number; newPlans: number; replaces: number; unitsChanged: number };

/** The council's adoption: the draft becomes the period's decisions, in one transaction. */
export function adoptDraft(actorId: number, input: AdoptInput): Promise<AdoptionSummary> {
  return db.$transaction(async (tx) => {
    const before = await draftPeriodOrThrow(tx, input.periodId, true);
    if (before.updatedAt.getTime() !== input.loadedAt) throw new DomainError("conflict", "periodConflict");
    if (before.councilConstitutedOn && input.adoptedOn! < before.councilConstitutedOn) throw new DomainError("invalid", "adoptedBeforeConstituted", "adoptedOn");
    const undecided = await tx.strategyDraftItem.count({ where: { periodId: input.periodId, decision: null } });
    if (undecided > 0) throw new DomainError("invalid", "draftUndecided", "adoptedOn", { count: undecided });

    // New plans, one by one (at most 200 a draft), each with the "replaces" relations to what it absorbs.
    const newItems = await tx.strategyDraftItem.findMany({ where: { periodId: input.periodId, planId: null }, orderBy: { id: "asc" } });
    let replaces = 0;
    for (const item of newItems) {
      const taken = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM plans WHERE archived_at IS NULL AND type = ${item.type}::"PlanType" AND lower(title) = lower(${item.title}) LIMIT 1`;
      if (taken.length) throw new DomainError("conflict", "draftTitleTaken", "adoptedOn", { title: item.title ?? "" });
      const absorbed = await tx.strategyDraftItem.findMany({ where: { absorbedById: item.id, planId: { not: null } }, select: { planId: true }, orderBy: { id: "asc" } });
      const plan = await tx.plan.create({ data: { title: item.title!, type: item.type!, status: "planlagt", responsibleUnit: item.responsibleUnit } });
      if (absorbed.length) await tx.planRelation.createMany({ data: absorbed.map((a) => ({ fromPlanId: plan.id, toPlanId: a.planId!, kind: "replaces" as const })) });
      replaces += absorbed.length;
      await tx.strategyDraftItem.update({ where: { id: item.id }, data: { planId: plan.id } });
      const relationsFrom = absorbed.map((a) => ({ kind: "replaces" as const, toPlanId: a.planId! }));
      await recordAudit(tx, { type: "plan.created", actorId, planId: plan.id, before: null, after: { ...planSnapshot({ ...plan, targets: [], documents: [], relationsFrom }), strategy: before.name } });
    }

    // Responsible units changed in the draft, written to the plans with one audit row each.
    const unitsChanged = await tx.$executeRaw`
      WITH old AS (
        SELECT p.id, p.responsible_unit AS unit, p.version, i.responsible_unit AS new_unit
        FROM strategy_draft_items i JOIN plans p ON p.id = i.plan_id
        WHERE i.period_id = ${input.periodId} AND i.reason <> 'added' AND i.responsible_unit IS DISTINCT FROM p.responsible_unit
        FOR UPDATE OF p),
      upd AS (
        UPDATE plans p SET responsible_unit = old.new_unit, version = p.version + 1, updated_at = now()
        FROM old WHERE p.id = old.id RETURNING p.id, p.responsible_unit, p.version)
      INSERT INTO audit_events (actor_id, type, entity_type, entity_id, before, after)
      SELECT ${actorId}, 'plan.updated', 'plan', upd.id::text,
             jsonb_build_object('responsibleUnit', old.unit, 'version', old.version),
             jsonb_build_object('responsibleUnit', upd.responsible_unit, 'version', upd.version, 'strategy', ${before.name}::text)
      FROM upd JOIN old ON old.id = upd.id`;

    // One decision per row (replacing any recorded for this period on a plan's page), each audited.
    const decisions = await tx.$executeRaw`
      WITH rows AS (
        SELECT i.plan_id, i.decision, i.target_year, CASE WHEN a.id IS NULL THEN '' ELSE 'Innarbeides i ' || a.title END AS note
        FROM strategy_draft_items i LEFT JOIN strategy_draft_items a ON a.id = i.absorbed_by_id
        WHERE i.period_id = ${input.periodId}),
      saved AS (
        INSERT INTO strategy_decisions (period_id, plan_id, decision, target_year, note, updated_at)
        SELECT ${input.periodId}, plan_id, decision, target_year, note, now() FROM rows
        ON CONFLICT (period_id, plan_id) DO UPDATE SET decision = EXCLUDED.decision, target_year = EXCLUDED.target_year, note = EXCLUDED.note, updated_at = now()
        RETURNING plan_id, decision, target_year, note)
      INSERT INTO audit_events (actor_id, type, entity_type, entity_id, after)
      SELECT ${actorId}, 'plan.decision_recorded', 'plan', plan_id::text,
             jsonb_build_object('period', ${before.name}::text, 'decision', decision, 'targetYear', target_year, 'note', note)
      FROM saved`;

    await tx.strategyPeriod.update({ where: { id: input.periodId }, data: { adoptedOn: input.adoptedOn, adoptedBy: input.adoptedBy, caseNumber: input.caseNumber } });
    const after = await tx.strategyPeriod.findUniqueOrThrow({ where: { id: input.periodId } });
    const summary = { decisions, newPlans: newItems.length, replaces, unitsChanged };
    // The last write: if it fails, nothing above is kept.
    await recordAudit(tx, { type: "period.adopted", actorId, periodId: input.periodId, before: periodSnapshot(before), after: { ...periodSnapshot(after), ...summary } });
    return summary;
  }, TX);
}
