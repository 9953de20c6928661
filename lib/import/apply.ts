// Apply: the whole preview in one transaction, or nothing. The preview's rows are already in
// import_rows (input and before as jsonb), so every step is SQL over them and no plan passes
// through Node (only the new plans' ids, to note them on their rows): changed plans are updated,
// each claiming the version the preview saw (a plan saved since is a conflict and rolls everything
// back); new plans are inserted; targets, documents and relations replaced; one audit row per plan
// ("plan.imported", with the file); plans that an imported plan in force now replaces are ended.
// Decision 024 has the figures.
import "server-only";
import { db } from "../db";
import { recordAuditMany, recordImportAudits } from "../audit";
import { DomainError } from "../errors";
import { isUniqueViolation } from "../db-errors";
import type { Prisma } from "../generated/prisma/client";
import { ADOPTED_STATUSES } from "../plans/schema";
import { planSnapshots } from "./classify";
import { lockInTenant } from "../tenant-lock";

type Tx = Prisma.TransactionClient;

// A stored input's plan columns (lib/import/classify.ts's StoredInput: dates as yyyy-mm-dd, JSON null as SQL NULL).
const PLAN_COLUMNS = `title, type, status, adopted_on, adopted_by, case_number, decision_url, revision_due_on, period_from_year,
  period_to_year, responsible_unit, owner_id, summary, legally_required, public_draft,
  start_notice_on, consultation_from, consultation_to, consultation_url, consultation2_from, consultation2_to, consultation2_url,
  national_plan_id, sosi_plantype, sosi_planstatus`;
const PLAN_VALUES = `r.input->>'title', (r.input->>'type')::"PlanType", (r.input->>'status')::"PlanStatus", (r.input->>'adoptedOn')::date,
  (r.input->>'adoptedBy')::"DecisionBody", r.input->>'caseNumber', r.input->>'decisionUrl', (r.input->>'revisionDueOn')::date,
  (r.input->>'periodFromYear')::int, (r.input->>'periodToYear')::int, r.input->>'responsibleUnit', (r.input->>'ownerId')::int,
  r.input->>'summary', (r.input->>'legallyRequired')::boolean, (r.input->>'publicDraft')::boolean,
  (r.input->>'startNoticeOn')::date, (r.input->>'consultationFrom')::date, (r.input->>'consultationTo')::date, r.input->>'consultationUrl',
  (r.input->>'consultation2From')::date, (r.input->>'consultation2To')::date, r.input->>'consultation2Url',
  r.input->>'nationalPlanId', (r.input->>'sosiPlantype')::int, (r.input->>'sosiPlanstatus')::int`;

// The rows apply writes, for statements that read them with `r` and take the upload's id as $1.
const APPLIED_ROWS = `r.upload_id = $1::uuid AND r.kind IN ('new', 'changed')`;

async function updatePlans(tx: Tx, uploadId: string) {
  // The rows whose plan was not updated: saved by someone else since the preview.
  const moved = await tx.$queryRawUnsafe<{ row_number: number }[]>(`
    WITH updated AS (
      UPDATE plans p SET (${PLAN_COLUMNS}, version, updated_at) = (${PLAN_VALUES}, p.version + 1, now())
      FROM import_rows r
      WHERE r.upload_id = $1::uuid AND r.kind = 'changed' AND p.id = r.plan_id AND p.version = r.base_version
      RETURNING p.id
    )
    SELECT r.row_number FROM import_rows r
    WHERE r.upload_id = $1::uuid AND r.kind = 'changed' AND r.plan_id NOT IN (SELECT id FROM updated)
    ORDER BY r.row_number LIMIT 20`, uploadId);
  if (moved.length > 0) throw new DomainError("conflict", "importConflict", undefined, { rows: moved.map((m) => m.row_number).join(", ") });
}

async function insertPlans(tx: Tx, uploadId: string) {
  const created = await tx.$queryRawUnsafe<{ id: number; type: string; title: string }[]>(`
    INSERT INTO plans (${PLAN_COLUMNS}, created_at, updated_at)
    SELECT ${PLAN_VALUES}, now(), now() FROM import_rows r
    WHERE r.upload_id = $1::uuid AND r.kind = 'new' ORDER BY r.row_number
    RETURNING id, type::text AS type, title`, uploadId);
  if (created.length === 0) return;
  // Rows that would make the same type + title are errors (classify), so that pairs each new plan
  // with its row. Paired here, not in a join on the rows' JSON: with the rows just written, the
  // planner has no statistics for them and chose a nested loop (10 s at 5,000 new plans).
  const ids = new Map(created.map((p) => [`${p.type}\u0000${p.title}`, p.id]));
  const rows = await tx.$queryRaw<{ row_number: number; type: string; title: string }[]>`
    SELECT row_number, input->>'type' AS type, input->>'title' AS title FROM import_rows WHERE upload_id = ${uploadId}::uuid AND kind = 'new'`;
  await tx.$executeRaw`
    UPDATE import_rows r SET plan_id = u.id
    FROM unnest(${rows.map((r) => ids.get(`${r.type}\u0000${r.title}`)!)}::int[], ${rows.map((r) => r.row_number)}::int[]) AS u(id, row_number)
    WHERE r.upload_id = ${uploadId}::uuid AND r.row_number = u.row_number`;
}

async function writeLists(tx: Tx, uploadId: string) {
  for (const [table, column] of [["plan_targets", "plan_id"], ["plan_documents", "plan_id"], ["plan_relations", "from_plan_id"]] as const) {
    await tx.$executeRawUnsafe(`DELETE FROM ${table} WHERE ${column} IN (SELECT plan_id FROM import_rows WHERE upload_id = $1::uuid AND kind = 'changed')`, uploadId);
  }
  await tx.$executeRawUnsafe(`
    INSERT INTO plan_targets (plan_id, target_code)
    SELECT r.plan_id, t.code FROM import_rows r, jsonb_array_elements_text(r.input->'targets') AS t(code) WHERE ${APPLIED_ROWS}`, uploadId);
  await tx.$executeRawUnsafe(`
    INSERT INTO plan_documents (plan_id, label, url, sort_order)
    SELECT r.plan_id, d.doc->>'label', d.doc->>'url', d.n - 1
    FROM import_rows r, jsonb_array_elements(r.input->'documents') WITH ORDINALITY AS d(doc, n) WHERE ${APPLIED_ROWS}`, uploadId);
  const replacing = await tx.$queryRawUnsafe<{ id: number; kind: string }[]>(`
    INSERT INTO plan_relations (from_plan_id, to_plan_id, kind)
    SELECT r.plan_id, (x.rel->>'toPlanId')::int, (x.rel->>'kind')::"RelationKind"
    FROM import_rows r, jsonb_array_elements(r.input->'relations') AS x(rel) WHERE ${APPLIED_ROWS}
    RETURNING from_plan_id AS id, kind::text AS kind`, uploadId);
  const replacers = [...new Set(replacing.filter((r) => r.kind === "replaces").map((r) => r.id))];
  if (replacers.length === 0) return;
  // "Replaces" must never form a cycle, also not through plans of this file.
  await lockInTenant(tx, "planregister.replaces");
  const cycle = await tx.$queryRaw<{ id: number }[]>`
    WITH RECURSIVE chain(start, id) AS (
      SELECT from_plan_id, to_plan_id FROM plan_relations WHERE kind = 'replaces' AND from_plan_id = ANY(${replacers}::int[])
      UNION
      SELECT c.start, r.to_plan_id FROM plan_relations r JOIN chain c ON r.from_plan_id = c.id WHERE r.kind = 'replaces'
    )
    SELECT start AS id FROM chain WHERE id = start LIMIT 1`;
  if (cycle.length > 0) throw new DomainError("invalid", "relationCycle");
}

// As when a plan is saved through the form (lib/plans/mutations.ts, endReplacedPlans): a plan in
// force that replaces others ends each one still in force or in the making ("erstattet", audited on
// its own history), when the relation is new or the plan has just come into force.
async function endReplacedPlans(tx: Tx, uploadId: string, actorId: number) {
  const ends = await tx.$queryRaw<{ id: number; by_id: number; by_title: string }[]>`
    SELECT DISTINCT ON (p.id) p.id, r.plan_id AS by_id, r.input->>'title' AS by_title
    FROM import_rows r, jsonb_array_elements(r.input->'relations') AS x(rel), plans p
    WHERE r.upload_id = ${uploadId}::uuid AND r.kind IN ('new', 'changed') AND x.rel->>'kind' = 'replaces'
      AND r.input->>'status' = ANY(${ADOPTED_STATUSES}::text[])
      AND NOT (coalesce(r.before->>'status' = ANY(${ADOPTED_STATUSES}::text[]), false) AND r.before->'relations' @> jsonb_build_array(x.rel))
      AND p.id = (x.rel->>'toPlanId')::int AND p.status NOT IN ('erstattet', 'opphevet')
    ORDER BY p.id, r.row_number`;
  if (ends.length === 0) return;
  // Locked, and the status checked again: a plan someone else ended meanwhile is left as it is.
  const locked = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM plans WHERE id = ANY(${ends.map((e) => e.id)}::int[]) AND status NOT IN ('erstattet', 'opphevet') ORDER BY id FOR UPDATE`;
  if (locked.length === 0) return;
  const before = await planSnapshots(tx, locked.map((l) => l.id));
  await tx.$executeRaw`UPDATE plans SET status = 'erstattet', version = version + 1, updated_at = now() WHERE id = ANY(${locked.map((l) => l.id)}::int[])`;
  await recordAuditMany(tx, ends.filter((end) => before.has(end.id)).map((end) => {
    const old = before.get(end.id)!;
    const after = { ...old, status: "erstattet", version: old.version + 1, replacedBy: { id: end.by_id, title: end.by_title } };
    return { type: "plan.replaced", actorId, planId: end.id, before: old, after };
  }));
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
      const counts = await tx.$queryRaw<{ kind: string; n: number }[]>`
        SELECT kind, count(*)::int AS n FROM import_rows WHERE upload_id = ${uploadId}::uuid GROUP BY kind`;
      const count = (kind: string) => counts.find((c) => c.kind === kind)?.n ?? 0;
      const blocking = count("error") + count("conflict");
      if (blocking > 0) throw new DomainError("invalid", "importHasErrors", undefined, { count: blocking });

      await updatePlans(tx, uploadId);
      await insertPlans(tx, uploadId);
      await writeLists(tx, uploadId);
      await recordImportAudits(tx, uploadId, actorId, upload.file_name);
      await endReplacedPlans(tx, uploadId, actorId);
      await tx.importUpload.update({ where: { id: uploadId }, data: { appliedAt: new Date() } });
      return { created: count("new"), updated: count("changed") };
    }, { timeout: 120_000, maxWait: 30_000 });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("conflict", "titleTaken");
    throw error;
  }
}
