// Writes to plans. Each runs in one transaction with exactly one audit row; a plan carries a
// version, and every write names the version it started from (no lost updates).
import "server-only";
import { db } from "../db";
import { recordAudit } from "../audit";
import { DomainError } from "../errors";
import { isUniqueViolation } from "../db-errors";
import { Prisma } from "../generated/prisma/client";
import { ADOPTED_STATUSES, type PlanInput, type PlanUpdateInput, type PlanRelationInput } from "./schema";
import { changedFields, planSnapshot, planSnapshotInclude, type FieldChange, type PlanSnapshot } from "./snapshot";
import { lockInTenant } from "../tenant-lock";

type Tx = Prisma.TransactionClient;

// Under a burst of saves, writers queue for a connection rather than fail: each still gets a
// definite answer (saved, or a conflict).
const TX = { maxWait: 60_000, timeout: 60_000 } as const;

/** Someone saved the plan after the version this edit started from. */
export class PlanConflict extends DomainError {
  constructor(readonly changes: { actorName: string | null; at: Date; fields: FieldChange[] }[]) {
    super("conflict", "planConflict");
  }
}

async function assertTitleFree(tx: Tx, title: string, type: string, exceptId?: number) {
  const rows = await tx.$queryRaw<{ id: number; title: string }[]>`
    SELECT id, title FROM plans WHERE archived_at IS NULL AND type = ${type}::"PlanType" AND lower(title) = lower(${title})
    ${exceptId ? Prisma.sql`AND id <> ${exceptId}` : Prisma.empty} LIMIT 1`;
  const taken = rows[0];
  if (taken) throw new DomainError("conflict", "titleTaken", "title", undefined, undefined, { href: `/plans/${taken.id}`, labelKey: "errors.titleTakenLink", values: { title: taken.title } });
}

// The national plan id is unique among plans (archived ones included: the id names the plan nationally).
async function assertNationalIdFree(tx: Tx, nationalPlanId: string | null, exceptId?: number) {
  if (!nationalPlanId) return;
  const taken = await tx.plan.findFirst({ where: { nationalPlanId, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true, title: true } });
  if (taken) throw nationalIdTaken(taken);
}

const nationalIdTaken = (taken?: { id: number; title: string }) =>
  new DomainError("conflict", "nationalPlanIdTaken", "nationalPlanId", undefined, undefined, taken ? { href: `/plans/${taken.id}`, labelKey: "errors.nationalPlanIdTakenLink", values: { title: taken.title } } : undefined);

// Relations must point at other, existing plans, and "replaces" must never form a cycle.
async function assertRelationsValid(tx: Tx, planId: number | null, relations: PlanRelationInput[]) {
  if (relations.length === 0) return;
  const ids = [...new Set(relations.map((r) => r.toPlanId))];
  if (planId !== null && ids.includes(planId)) throw new DomainError("invalid", "relationSelf", "relationPlanId");
  if ((await tx.plan.count({ where: { id: { in: ids } } })) !== ids.length) throw new DomainError("invalid", "relationUnknown", "relationPlanId");
  const replaced = relations.filter((r) => r.kind === "replaces").map((r) => r.toPlanId);
  if (replaced.length === 0 || planId === null) return;
  await lockInTenant(tx, "planregister.replaces");
  const cycle = await tx.$queryRaw<{ found: number }[]>`
    WITH RECURSIVE chain(id) AS (
      SELECT to_plan_id FROM plan_relations WHERE kind = 'replaces' AND from_plan_id = ANY(${replaced}::int[]) AND from_plan_id <> ${planId}
      UNION
      SELECT r.to_plan_id FROM plan_relations r JOIN chain c ON r.from_plan_id = c.id WHERE r.kind = 'replaces' AND r.from_plan_id <> ${planId}
    )
    SELECT 1 AS found FROM chain WHERE id = ${planId} LIMIT 1`;
  if (cycle.length > 0) throw new DomainError("invalid", "relationCycle", "relationPlanId");
}

async function assertReferences(tx: Tx, input: PlanInput) {
  if (input.ownerId !== null && !(await tx.user.findUnique({ where: { id: input.ownerId }, select: { id: true } }))) {
    throw new DomainError("invalid", "ownerUnknown", "ownerId");
  }
  if (input.targets.length && (await tx.sdgTarget.count({ where: { code: { in: input.targets } } })) !== input.targets.length) {
    throw new DomainError("invalid", "notFound", "targets");
  }
}

function columns(input: PlanInput) {
  const { targets: _t, documents: _d, relations: _r, ...fields } = input;
  return fields;
}

async function writeLists(tx: Tx, planId: number, input: PlanInput) {
  await tx.planTarget.deleteMany({ where: { planId } });
  await tx.planDocument.deleteMany({ where: { planId } });
  await tx.planRelation.deleteMany({ where: { fromPlanId: planId } });
  if (input.targets.length) await tx.planTarget.createMany({ data: input.targets.map((targetCode) => ({ planId, targetCode })) });
  if (input.documents.length) await tx.planDocument.createMany({ data: input.documents.map((d, sortOrder) => ({ planId, ...d, sortOrder })) });
  if (input.relations.length) await tx.planRelation.createMany({ data: input.relations.map((r) => ({ fromPlanId: planId, toPlanId: r.toPlanId, kind: r.kind })) });
}

// The lists one after the other, not as an include: Prisma 7 sends an include's relation queries
// at once, and in a transaction they share one pg client, which then queues them (deprecated in
// pg 8, to be removed in pg 9). Same four queries, same snapshot.
async function snapshotOf(tx: Tx, id: number): Promise<PlanSnapshot> {
  const plan = await tx.plan.findUniqueOrThrow({ where: { id } });
  const { targets, documents, relationsFrom } = planSnapshotInclude;
  return planSnapshot({
    ...plan,
    targets: await tx.planTarget.findMany({ where: { planId: id }, ...targets }),
    documents: await tx.planDocument.findMany({ where: { planId: id }, ...documents }),
    relationsFrom: await tx.planRelation.findMany({ where: { fromPlanId: id }, ...relationsFrom }),
  });
}

async function changesSince(tx: Tx, planId: number, version: number) {
  const events = await tx.auditEvent.findMany({
    where: { entityType: "plan", entityId: String(planId), type: { in: ["plan.created", "plan.updated", "plan.archived", "plan.restored", "plan.replaced", "plan.imported"] } },
    include: { actor: { select: { name: true } } },
    orderBy: { id: "asc" },
  });
  return events
    .filter((e) => Number((e.after as Partial<PlanSnapshot> | null)?.version ?? 0) > version)
    .map((e) => ({ actorName: e.actor?.name ?? null, at: e.at, fields: changedFields(e.before as Partial<PlanSnapshot> | null, e.after as Partial<PlanSnapshot> | null) }));
}

// A plan in force that replaces others ends them: each replaced plan still in force or in the
// making becomes "erstattet", audited on its own history, in the same transaction. Only when the
// relation is new or the plan has just come into force, so a plan someone has deliberately put
// back in force is not ended again by an unrelated edit. Removing the relation revives nothing.
async function endReplacedPlans(tx: Tx, actorId: number, plan: { id: number; title: string; status: string; relations: PlanRelationInput[] }, before: PlanSnapshot | null) {
  if (!ADOPTED_STATUSES.includes(plan.status)) return;
  const wasInForce = before !== null && ADOPTED_STATUSES.includes(before.status);
  const earlier = new Set((before?.relations ?? []).filter((r) => r.kind === "replaces").map((r) => r.toPlanId));
  const ids = plan.relations.filter((r) => r.kind === "replaces" && !(wasInForce && earlier.has(r.toPlanId))).map((r) => r.toPlanId);
  if (ids.length === 0) return;
  // Locked, and the status checked again: a plan someone else ended meanwhile is left as it is.
  const replaced = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM plans WHERE id = ANY(${ids}::int[]) AND status NOT IN ('erstattet', 'opphevet') ORDER BY id FOR UPDATE`;
  for (const { id } of replaced) {
    const old = await snapshotOf(tx, id);
    await tx.plan.update({ where: { id }, data: { status: "erstattet", version: { increment: 1 } } });
    const after = { ...(await snapshotOf(tx, id)), replacedBy: { id: plan.id, title: plan.title } };
    await recordAudit(tx, { type: "plan.replaced", actorId, planId: id, before: old, after });
  }
}

function translateUnique<T>(work: Promise<T>): Promise<T> {
  return work.catch((e: unknown) => {
    // Two saves racing past the checks: the unique index decides, and says which field.
    if (isUniqueViolation(e)) throw JSON.stringify((e as { meta?: unknown }).meta ?? {}).includes("national_plan_id") ? nationalIdTaken() : new DomainError("conflict", "titleTaken", "title");
    throw e;
  });
}

/** Creates a plan with its targets, documents and relations. */
export function createPlan(actorId: number, input: PlanInput): Promise<{ id: number }> {
  return translateUnique(
    db.$transaction(async (tx) => {
      await assertTitleFree(tx, input.title, input.type);
      await assertNationalIdFree(tx, input.nationalPlanId);
      await assertReferences(tx, input);
      await assertRelationsValid(tx, null, input.relations);
      const plan = await tx.plan.create({ data: columns(input) });
      await writeLists(tx, plan.id, input);
      await recordAudit(tx, { type: "plan.created", actorId, planId: plan.id, before: null, after: await snapshotOf(tx, plan.id) });
      await endReplacedPlans(tx, actorId, { id: plan.id, ...input }, null);
      return { id: plan.id };
    }, TX),
  );
}

// Claims the version: exactly one of any number of concurrent writers from the same version wins.
async function claimVersion(tx: Tx, id: number, version: number, data: Prisma.PlanUncheckedUpdateManyInput) {
  const { count } = await tx.plan.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } });
  if (count === 1) return;
  if (!(await tx.plan.findUnique({ where: { id }, select: { id: true } }))) throw new DomainError("not_found", "notFound");
  throw new PlanConflict(await changesSince(tx, id, version));
}

/** Saves an edit made from `input.version`; refused with the other changes if the plan moved on. */
export function updatePlan(actorId: number, input: PlanUpdateInput): Promise<{ id: number; version: number }> {
  const { id, version, ...fields } = input;
  return translateUnique(
    db.$transaction(async (tx) => {
      const before = await snapshotOf(tx, id).catch(() => null);
      if (!before) throw new DomainError("not_found", "notFound");
      if (!before.archived) await assertTitleFree(tx, fields.title, fields.type, id);
      await assertNationalIdFree(tx, fields.nationalPlanId, id);
      await assertReferences(tx, fields);
      await assertRelationsValid(tx, id, fields.relations);
      await claimVersion(tx, id, version, columns(fields));
      await writeLists(tx, id, fields);
      const after = await snapshotOf(tx, id);
      await recordAudit(tx, { type: "plan.updated", actorId, planId: id, before, after });
      await endReplacedPlans(tx, actorId, { id, ...fields }, before);
      return { id, version: after.version };
    }, TX),
  );
}

/** Archives (hides) or restores a plan, from `version`. */
export function setArchived(actorId: number, id: number, version: number, archived: boolean): Promise<{ version: number }> {
  return translateUnique(
    db.$transaction(async (tx) => {
      const before = await snapshotOf(tx, id).catch(() => null);
      if (!before) throw new DomainError("not_found", "notFound");
      if (!archived) await assertTitleFree(tx, before.title, before.type, id);
      await claimVersion(tx, id, version, { archivedAt: archived ? new Date() : null });
      const after = await snapshotOf(tx, id);
      await recordAudit(tx, { type: archived ? "plan.archived" : "plan.restored", actorId, planId: id, before, after });
      return { version: after.version };
    }, TX),
  );
}

/** Records (or changes) what a planning strategy decided for a plan. */
export async function recordDecision(
  actorId: number,
  input: { planId: number; periodId: number; decision: "new" | "revise" | "continue" | "repeal"; targetYear: number | null; note: string },
) {
  return db.$transaction(async (tx) => {
    if (!(await tx.plan.findUnique({ where: { id: input.planId }, select: { id: true } }))) throw new DomainError("not_found", "notFound");
    const period = await tx.strategyPeriod.findUnique({ where: { id: input.periodId } });
    if (!period) throw new DomainError("invalid", "periodUnknown", "periodId");
    const existing = await tx.strategyDecision.findUnique({ where: { periodId_planId: { periodId: input.periodId, planId: input.planId } } });
    const data = { decision: input.decision, targetYear: input.targetYear, note: input.note };
    await tx.strategyDecision.upsert({ where: { periodId_planId: { periodId: input.periodId, planId: input.planId } }, create: { ...data, periodId: input.periodId, planId: input.planId }, update: data });
    const before = existing ? { period: period.name, decision: existing.decision, targetYear: existing.targetYear, note: existing.note } : null;
    await recordAudit(tx, { type: "plan.decision_recorded", actorId, planId: input.planId, before, after: { period: period.name, ...data } });
  }, TX);
}

/** Removes what a planning strategy decided for a plan (the audit row keeps what it was). */
export async function removeDecision(actorId: number, input: { planId: number; periodId: number }) {
  return db.$transaction(async (tx) => {
    const existing = await tx.strategyDecision.findUnique({ where: { periodId_planId: input }, include: { period: { select: { name: true } } } });
    if (!existing) throw new DomainError("not_found", "notFound");
    await tx.strategyDecision.delete({ where: { id: existing.id } });
    const before = { period: existing.period.name, decision: existing.decision, targetYear: existing.targetYear, note: existing.note };
    await recordAudit(tx, { type: "plan.decision_removed", actorId, planId: input.planId, before, after: { period: existing.period.name, removed: true } });
  }, TX);
}
