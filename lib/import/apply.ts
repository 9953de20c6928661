// Apply: the whole preview in one transaction, or nothing. New plans are inserted and changed ones
// updated in bulk, each update claiming the version the preview saw (a plan saved since is a
// conflict and rolls everything back); one audit row per plan ("plan.imported", with the file).
import "server-only";
import { db } from "../db";
import { recordAudits } from "../audit";
import { DomainError } from "../errors";
import { isUniqueViolation } from "../db-errors";
import type { Prisma } from "../generated/prisma/client";
import type { PlanSnapshot } from "../plans/snapshot";
import { snapshotOfInput, type StoredInput } from "./classify";

type Tx = Prisma.TransactionClient;
const key = (type: string, title: string) => `${type}\u0000${title.toLowerCase()}`;

async function updatePlans(tx: Tx, rows: { planId: number; baseVersion: number; input: StoredInput; rowNumber: number }[]) {
  if (rows.length === 0) return;
  const col = <T,>(f: (i: StoredInput) => T) => rows.map((r) => f(r.input));
  const updated = await tx.$queryRaw<{ id: number }[]>`
    UPDATE plans p SET title = u.title, type = u.type::"PlanType", status = u.status::"PlanStatus", adopted_on = u.adopted_on,
      adopted_by = u.adopted_by::"DecisionBody", case_number = u.case_number, decision_url = u.decision_url, revision_due_on = u.revision_due_on,
      period_from_year = u.period_from_year, period_to_year = u.period_to_year, responsible_unit = u.responsible_unit, owner_id = u.owner_id,
      summary = u.summary, legally_required = u.legally_required, public_draft = u.public_draft, version = p.version + 1, updated_at = now()
    FROM unnest(${rows.map((r) => r.planId)}::int[], ${rows.map((r) => r.baseVersion)}::int[], ${col((i) => i.title)}::text[], ${col((i) => i.type)}::text[],
      ${col((i) => i.status)}::text[], ${col((i) => i.adoptedOn)}::date[], ${col((i) => i.adoptedBy)}::text[], ${col((i) => i.caseNumber)}::text[],
      ${col((i) => i.decisionUrl)}::text[], ${col((i) => i.revisionDueOn)}::date[], ${col((i) => i.periodFromYear)}::int[], ${col((i) => i.periodToYear)}::int[],
      ${col((i) => i.responsibleUnit)}::text[], ${col((i) => i.ownerId)}::int[], ${col((i) => i.summary)}::text[], ${col((i) => i.legallyRequired)}::boolean[],
      ${col((i) => i.publicDraft)}::boolean[])
      AS u(id, base_version, title, type, status, adopted_on, adopted_by, case_number, decision_url, revision_due_on, period_from_year, period_to_year,
           responsible_unit, owner_id, summary, legally_required, public_draft)
    WHERE p.id = u.id AND p.version = u.base_version
    RETURNING p.id`;
  if (updated.length !== rows.length) {
    const done = new Set(updated.map((u) => u.id));
    const moved = rows.filter((r) => !done.has(r.planId)).map((r) => r.rowNumber);
    throw new DomainError("conflict", "importConflict", undefined, { rows: moved.slice(0, 20).join(", ") });
  }
}

async function writeLists(tx: Tx, items: { planId: number; input: StoredInput }[], replace: number[]) {
  if (replace.length) {
    // One array parameter (an ORM "in" list of thousands of ids is split into statements sent at once).
    await tx.$executeRaw`DELETE FROM plan_targets WHERE plan_id = ANY(${replace}::int[])`;
    await tx.$executeRaw`DELETE FROM plan_documents WHERE plan_id = ANY(${replace}::int[])`;
    await tx.$executeRaw`DELETE FROM plan_relations WHERE from_plan_id = ANY(${replace}::int[])`;
  }
  const targets = items.flatMap(({ planId, input }) => input.targets.map((targetCode) => ({ planId, targetCode })));
  const documents = items.flatMap(({ planId, input }) => input.documents.map((d, sortOrder) => ({ planId, ...d, sortOrder })));
  const relations = items.flatMap(({ planId, input }) => input.relations.map((r) => ({ fromPlanId: planId, toPlanId: r.toPlanId, kind: r.kind })));
  // Column arrays (unnest): one parameter per column whatever the number of rows.
  for (let i = 0; i < targets.length; i += 5000) {
    const part = targets.slice(i, i + 5000);
    await tx.$executeRaw`INSERT INTO plan_targets (plan_id, target_code) SELECT * FROM unnest(${part.map((x) => x.planId)}::int[], ${part.map((x) => x.targetCode)}::text[])`;
  }
  for (let i = 0; i < documents.length; i += 5000) {
    const part = documents.slice(i, i + 5000);
    await tx.$executeRaw`INSERT INTO plan_documents (plan_id, label, url, sort_order)
      SELECT * FROM unnest(${part.map((x) => x.planId)}::int[], ${part.map((x) => x.label)}::text[], ${part.map((x) => x.url)}::text[], ${part.map((x) => x.sortOrder)}::int[])`;
  }
  for (let i = 0; i < relations.length; i += 5000) {
    const part = relations.slice(i, i + 5000);
    await tx.$executeRaw`INSERT INTO plan_relations (from_plan_id, to_plan_id, kind)
      SELECT f, t, k::"RelationKind" FROM unnest(${part.map((x) => x.fromPlanId)}::int[], ${part.map((x) => x.toPlanId)}::int[], ${part.map((x) => x.kind)}::text[]) AS u(f, t, k)`;
  }
  const replacing = [...new Set(relations.filter((r) => r.kind === "replaces").map((r) => r.fromPlanId))];
  if (replacing.length === 0) return;
  // "Replaces" must never form a cycle, also not through plans of this file.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('planregister.replaces'))`;
  const cycle = await tx.$queryRaw<{ id: number }[]>`
    WITH RECURSIVE chain(start, id) AS (
      SELECT from_plan_id, to_plan_id FROM plan_relations WHERE kind = 'replaces' AND from_plan_id = ANY(${replacing}::int[])
      UNION
      SELECT c.start, r.to_plan_id FROM plan_relations r JOIN chain c ON r.from_plan_id = c.id WHERE r.kind = 'replaces'
    )
    SELECT start AS id FROM chain WHERE id = start LIMIT 1`;
  if (cycle.length > 0) throw new DomainError("invalid", "relationCycle");
}

/** Applies the user's previewed upload; the counts of plans created and updated. */
export async function applyImport(uploadId: string, actorId: number): Promise<{ created: number; updated: number }> {
  try {
    return await db.$transaction(async (tx) => {
      // The row lock makes a double submit wait, then find the upload applied.
      const [upload] = await tx.$queryRaw<{ file_name: string; applied_at: Date | null; user_id: number; mapping: unknown }[]>`
        SELECT file_name, applied_at, user_id, mapping FROM import_uploads WHERE id = ${uploadId}::uuid FOR UPDATE`;
      if (!upload || upload.user_id !== actorId || upload.mapping === null) throw new DomainError("not_found", "notFound");
      if (upload.applied_at) throw new DomainError("conflict", "importApplied");
      const blocking = await tx.importRow.count({ where: { uploadId, kind: { in: ["error", "conflict"] } } });
      if (blocking > 0) throw new DomainError("invalid", "importHasErrors", undefined, { count: blocking });
      // Only the columns apply needs, with the JSON parsed once by the driver.
      const rows = await tx.$queryRaw<{ kind: string; plan_id: number | null; base_version: number | null; input: StoredInput; before: PlanSnapshot | null; row_number: number }[]>`
        SELECT kind, plan_id, base_version, input, before, row_number FROM import_rows
        WHERE upload_id = ${uploadId}::uuid AND kind IN ('new', 'changed') ORDER BY row_number`;
      const changed = rows.filter((r) => r.kind === "changed").map((r) => ({ planId: r.plan_id!, baseVersion: r.base_version!, input: r.input, rowNumber: r.row_number, before: r.before! }));
      const added = rows.filter((r) => r.kind === "new").map((r) => ({ input: r.input }));

      await updatePlans(tx, changed);
      // 2,000 plans a statement: Prisma splits larger ones into statements it sends at once, which
      // a transaction's one connection would have to queue.
      const created: { id: number; type: string; title: string }[] = [];
      for (let at = 0; at < added.length; at += 5000) {
        const part = added.slice(at, at + 5000).map((a) => a.input);
        const col = <T,>(f: (i: StoredInput) => T) => part.map(f);
        created.push(...await tx.$queryRaw<{ id: number; type: string; title: string }[]>`
          INSERT INTO plans (title, type, status, adopted_on, adopted_by, case_number, decision_url, revision_due_on, period_from_year, period_to_year,
            responsible_unit, owner_id, summary, legally_required, public_draft, created_at, updated_at)
          SELECT u.title, u.type::"PlanType", u.status::"PlanStatus", u.adopted_on, u.adopted_by::"DecisionBody", u.case_number, u.decision_url, u.revision_due_on,
            u.period_from_year, u.period_to_year, u.responsible_unit, u.owner_id, u.summary, u.legally_required, u.public_draft, now(), now()
          FROM unnest(${col((i) => i.title)}::text[], ${col((i) => i.type)}::text[], ${col((i) => i.status)}::text[], ${col((i) => i.adoptedOn)}::date[],
            ${col((i) => i.adoptedBy)}::text[], ${col((i) => i.caseNumber)}::text[], ${col((i) => i.decisionUrl)}::text[], ${col((i) => i.revisionDueOn)}::date[],
            ${col((i) => i.periodFromYear)}::int[], ${col((i) => i.periodToYear)}::int[], ${col((i) => i.responsibleUnit)}::text[], ${col((i) => i.ownerId)}::int[],
            ${col((i) => i.summary)}::text[], ${col((i) => i.legallyRequired)}::boolean[], ${col((i) => i.publicDraft)}::boolean[])
            AS u(title, type, status, adopted_on, adopted_by, case_number, decision_url, revision_due_on, period_from_year, period_to_year,
                 responsible_unit, owner_id, summary, legally_required, public_draft)
          RETURNING id, type::text AS type, title`);
      }
      // New plans are active and their type + title unique (the index), so that pairs them with their rows.
      const newIds = new Map(created.map((p) => [key(p.type, p.title), p.id]));
      const addedWithIds = added.map((a) => ({ planId: newIds.get(key(a.input.type, a.input.title))!, input: a.input }));
      await writeLists(tx, [...changed, ...addedWithIds], changed.map((c) => c.planId));

      const audit = [
        ...changed.map((c) => ({ planId: c.planId, before: c.before as PlanSnapshot | null, after: snapshotOfInput(c.input, c.before.archived, c.baseVersion + 1) })),
        ...addedWithIds.map((a) => ({ planId: a.planId, before: null, after: snapshotOfInput(a.input, false, 1) })),
      ];
      await recordAudits(tx, audit.map((a) => ({ type: "plan.imported", actorId, planId: a.planId, before: a.before, after: a.after, file: upload.file_name })));
      await tx.importUpload.update({ where: { id: uploadId }, data: { appliedAt: new Date() } });
      return { created: added.length, updated: changed.length };
    }, { timeout: 120_000, maxWait: 30_000 });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("conflict", "titleTaken");
    throw error;
  }
}
