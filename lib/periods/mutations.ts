// Writes to planning-strategy periods: one transaction, one audit row each. An edit names the
// updated_at it loaded; a save in between makes it a conflict instead of a lost update.
import "server-only";
import { db } from "../db";
import { recordAudit } from "../audit";
import { isoDate } from "../dates";
import { isUniqueViolation } from "../db-errors";
import { DomainError } from "../errors";
import type { StrategyPeriod } from "../generated/prisma/client";
import type { PeriodDeleteInput, PeriodInput, PeriodUpdateInput } from "./schema";
import type { Role } from "../permissions";
import { proposeDraft } from "./draft/mutations";

const day = (d: Date | null) => (d ? isoDate(d) : null);

/** What the audit log keeps of a period. */
export function periodSnapshot(p: StrategyPeriod) {
  return {
    name: p.name, startYear: p.startYear, endYear: p.endYear,
    councilConstitutedOn: day(p.councilConstitutedOn), plannedMeetingOn: day(p.plannedMeetingOn), draftPublishedOn: day(p.draftPublishedOn), adoptedOn: day(p.adoptedOn),
    adoptedBy: p.adoptedBy, caseNumber: p.caseNumber, decisionUrl: p.decisionUrl, note: p.note,
  };
}

function nameTaken<T>(work: Promise<T>): Promise<T> {
  return work.catch((e: unknown) => {
    if (isUniqueViolation(e)) throw new DomainError("conflict", "periodNameTaken", "name");
    throw e;
  });
}

/** Starts a planning strategy as a draft, with the register's proposal for every active plan (decision 031). */
export function createPeriod(actorId: number, input: PeriodInput): Promise<{ id: number; proposed: number }> {
  return nameTaken(
    db.$transaction(async (tx) => {
      const period = await tx.strategyPeriod.create({ data: input });
      const proposed = await proposeDraft(tx, period, actorId);
      await recordAudit(tx, { type: "period.created", actorId, periodId: period.id, before: null, after: { ...periodSnapshot(period), proposed } });
      return { id: period.id, proposed };
    }, { maxWait: 60_000, timeout: 60_000 }),
  );
}

/** Saves an edit made from the version loaded at `loadedAt` (updated_at in milliseconds). */
export function updatePeriod(actorId: number, { id, loadedAt, ...input }: PeriodUpdateInput): Promise<void> {
  return nameTaken(
    db.$transaction(async (tx) => {
      const before = await tx.strategyPeriod.findUnique({ where: { id } });
      if (!before) throw new DomainError("not_found", "periodUnknown");
      // A draft is adopted on its page, which turns it into decisions; an edit only corrects an adoption.
      if (!before.adoptedOn && input.adoptedOn) throw new DomainError("invalid", "adoptViaDraft", "adoptedOn");
      const { count } = await tx.strategyPeriod.updateMany({ where: { id, updatedAt: new Date(loadedAt) }, data: input });
      if (count === 0) throw new DomainError("conflict", "periodConflict");
      const after = await tx.strategyPeriod.findUniqueOrThrow({ where: { id } });
      await recordAudit(tx, { type: "period.updated", actorId, periodId: id, before: periodSnapshot(before), after: periodSnapshot(after) });
    }),
  );
}

/** Deletes a period with its decisions and draft: a draft by an editor, an adopted strategy only by an admin with a reason. */
export function deletePeriod(actor: { id: number; role: Role }, input: PeriodDeleteInput): Promise<void> {
  return db.$transaction(async (tx) => {
    const period = await tx.strategyPeriod.findUnique({ where: { id: input.periodId } });
    if (!period) throw new DomainError("not_found", "periodUnknown");
    if (period.adoptedOn && actor.role !== "admin") throw new DomainError("forbidden", "periodAdoptedDelete");
    if (period.adoptedOn && input.reason === "") throw new DomainError("invalid", "periodDeleteReason", "reason");
    const decisions = await tx.strategyDecision.count({ where: { periodId: period.id } });
    const draftRows = await tx.strategyDraftItem.count({ where: { periodId: period.id } });
    await tx.strategyPeriod.delete({ where: { id: period.id } });
    await recordAudit(tx, { type: "period.deleted", actorId: actor.id, periodId: period.id, before: { ...periodSnapshot(period), decisions, draftRows }, after: { reason: input.reason } });
  }, { maxWait: 60_000, timeout: 60_000 });
}
