// A plan's history, read from the audit log: who changed which fields from what to what, when.
import "server-only";
import { db } from "../db";
import { changedFields, type FieldChange, type PlanSnapshot } from "./snapshot";

export type HistoryEntry = { id: string; at: Date; type: string; actorName: string | null; changes: FieldChange[]; decision?: Record<string, unknown>; replacedBy?: { id: number; title: string }; importFile?: string };

/** How many of a plan's changes its page shows (newest first); the count says how many there are. */
export const HISTORY_LIMIT = 50;

/** Newest first, at most HISTORY_LIMIT; names of owners and related plans are looked up in two queries. */
export async function getPlanHistory(planId: number) {
  const where = { entityType: "plan", entityId: String(planId) };
  const total = await db.auditEvent.count({ where });
  const events = await db.auditEvent.findMany({ where, include: { actor: { select: { name: true } } }, orderBy: { id: "desc" }, take: HISTORY_LIMIT });
  const entries: HistoryEntry[] = events.map((e) => {
    const before = e.before as Partial<PlanSnapshot> | null;
    const after = e.after as Partial<PlanSnapshot> | null;
    const replacedBy = (after as { replacedBy?: { id: number; title: string } } | null)?.replacedBy;
    const base = { id: String(e.id), at: e.at, type: e.type, actorName: e.actor?.name ?? null, ...(replacedBy ? { replacedBy } : {}) };
    if (e.type === "plan.decision_recorded") return { ...base, changes: [], decision: (e.after ?? {}) as Record<string, unknown> };
    if (e.type === "plan.decision_removed") return { ...base, changes: [], decision: (e.before ?? {}) as Record<string, unknown> };
    // An import that created the plan has no before, like a creation.
    const created = e.type === "plan.created" || (e.type === "plan.imported" && !before);
    const changes = changedFields(created ? null : before, after);
    const importFile = e.type === "plan.imported" ? String((e.after as { importFile?: unknown } | null)?.importFile ?? "") : undefined;
    // A new plan lists only the fields it was given.
    const isBlank = (v: unknown) => v === null || v === "" || v === false || (Array.isArray(v) && v.length === 0);
    return { ...base, importFile, changes: created ? changes.filter((c) => !isBlank(c.to)) : changes };
  });
  const ownerIds = new Set<number>();
  const planIds = new Set<number>();
  for (const entry of entries) {
    for (const c of entry.changes) {
      if (c.field === "ownerId") for (const v of [c.from, c.to]) if (typeof v === "number") ownerIds.add(v);
      if (c.field === "relations") for (const v of [c.from, c.to]) if (Array.isArray(v)) for (const r of v as { toPlanId: number }[]) planIds.add(r.toPlanId);
    }
  }
  const [owners, plans] = await Promise.all([
    db.user.findMany({ where: { id: { in: [...ownerIds] } }, select: { id: true, name: true } }),
    db.plan.findMany({ where: { id: { in: [...planIds] } }, select: { id: true, title: true } }),
  ]);
  return { entries, total, ownerNames: new Map(owners.map((o) => [o.id, o.name])), planTitles: new Map(plans.map((p) => [p.id, p.title])) };
}

export type PlanHistory = Awaited<ReturnType<typeof getPlanHistory>>;
