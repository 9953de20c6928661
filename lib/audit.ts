// Audit events: a typed union and the one writer. Call recordAudit inside the transaction of the
// change it describes, so both are kept or neither.
import type { Prisma } from "./generated/prisma/client";

type Json = Prisma.InputJsonValue;

export type AuditEvent =
  | { type: "auth.sign_in_succeeded" | "auth.sign_in_failed"; actorId: number | null; email: string; ip: string; method: string }
  | { type: "auth.sign_in_locked"; actorId: number | null; email: string; ip: string; method: string; reason: "pair" | "address" | "account" }
  | { type: "auth.signed_out"; actorId: number }
  | { type: "auth.password_set" | "auth.password_changed"; actorId: number; userId: number }
  | { type: "user.created"; actorId: number | null; userId: number; after: Json }
  | { type: "calendar.link_renewed" | "calendar.link_revoked"; actorId: number; userId: number }
  | { type: "api_token.created"; actorId: number; userId: number; tokenId: number; name: string }
  | { type: "api_token.first_used" | "api_token.revoked"; actorId: number; userId: number; tokenId: number }
  | { type: "user.role_changed" | "user.deactivated" | "user.reactivated" | "user.password_reset"; actorId: number; userId: number; before: Json; after: Json }
  // actorId null: an unsubscribe link, used without signing in.
  | { type: "user.mail_preferences_changed"; actorId: number | null; userId: number; before: Json; after: Json }
  | { type: "mail.test_requested"; actorId: number; to: string }
  | { type: "plan.created" | "plan.updated" | "plan.archived" | "plan.restored" | "plan.replaced" | "plan.decision_recorded" | "plan.decision_removed"; actorId: number; planId: number; before: Json | null; after: Json }
  | { type: PeriodEventType; actorId: number; periodId: number; before: Json | null; after: Json }
  /** A plan created (before null) or changed by a spreadsheet import; `file` is the file's name. */
  | { type: "plan.imported"; actorId: number; planId: number; before: Json | null; after: { [key: string]: Json | null }; file: string }
  | { type: "settings.updated"; actorId: number; before: Json; after: Json };

type PeriodEventType =
  | "period.created" | "period.updated" | "period.published" | "period.adopted" | "period.deleted" | "period.decision_removed"
  | "period.draft_changed" | "period.draft_bulk_changed" | "period.draft_plan_added" | "period.draft_plan_removed";

type AuditWriter = { auditEvent: { create: (args: { data: Prisma.AuditEventUncheckedCreateInput }) => Promise<unknown> } };
type BulkAuditWriter = {
  $executeRaw: (query: TemplateStringsArray, ...values: unknown[]) => Prisma.PrismaPromise<number>;
  auditEvent: { createMany: (args: { data: Prisma.AuditEventUncheckedCreateInput[] }) => Promise<unknown> };
};

/** Writes one audit row with the client or transaction it is given. */
export async function recordAudit(tx: AuditWriter, event: AuditEvent): Promise<void> {
  await tx.auditEvent.create({ data: auditData(event) });
}

/** Writes many audit rows with the transaction it is given, 1,000 a statement. */
export async function recordAuditMany(tx: BulkAuditWriter, events: AuditEvent[]): Promise<void> {
  for (let i = 0; i < events.length; i += 1000) await tx.auditEvent.createMany({ data: events.slice(i, i + 1000).map(auditData) });
}

/**
 * The "plan.imported" rows of an applied import, made in SQL from the preview's rows (import_rows:
 * before as the plan was, input as it becomes; lib/import/apply.ts). `after` has the fields of
 * lib/plans/snapshot.ts's PlanSnapshot (targets sorted as JavaScript sorts them), then `importFile`,
 * as auditData's "plan.imported" case writes them.
 */
export async function recordImportAudits(tx: BulkAuditWriter, uploadId: string, actorId: number, fileName: string): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO audit_events (type, actor_id, entity_type, entity_id, before, after)
    SELECT 'plan.imported', ${actorId}, 'plan', r.plan_id::text, r.before, jsonb_build_object(
      'title', i->'title', 'type', i->'type', 'status', i->'status', 'adoptedOn', i->'adoptedOn', 'adoptedBy', i->'adoptedBy',
      'caseNumber', i->'caseNumber', 'decisionUrl', i->'decisionUrl', 'revisionDueOn', i->'revisionDueOn',
      'periodFromYear', i->'periodFromYear', 'periodToYear', i->'periodToYear', 'responsibleUnit', i->'responsibleUnit',
      'ownerId', i->'ownerId', 'summary', i->'summary', 'legallyRequired', i->'legallyRequired', 'publicDraft', i->'publicDraft',
      'targets', (SELECT coalesce(jsonb_agg(t ORDER BY t COLLATE "C"), '[]'::jsonb) FROM jsonb_array_elements_text(i->'targets') AS t),
      'documents', i->'documents', 'relations', i->'relations',
      'archived', coalesce((r.before->>'archived')::boolean, false), 'version', coalesce(r.base_version + 1, 1),
      'startNoticeOn', i->'startNoticeOn', 'consultationFrom', i->'consultationFrom', 'consultationTo', i->'consultationTo', 'consultationUrl', i->'consultationUrl',
      'consultation2From', i->'consultation2From', 'consultation2To', i->'consultation2To', 'consultation2Url', i->'consultation2Url',
      'nationalPlanId', i->'nationalPlanId', 'sosiPlantype', i->'sosiPlantype', 'sosiPlanstatus', i->'sosiPlanstatus', 'importFile', ${fileName}::text)
    FROM import_rows r, LATERAL (SELECT r.input AS i) AS x
    WHERE r.upload_id = ${uploadId}::uuid AND r.kind IN ('new', 'changed')
    ORDER BY r.kind = 'new', r.row_number`;
}

function auditData(event: AuditEvent): Prisma.AuditEventUncheckedCreateInput {
  const data: Prisma.AuditEventUncheckedCreateInput = { type: event.type, actorId: event.actorId };
  switch (event.type) {
    case "auth.sign_in_succeeded":
    case "auth.sign_in_failed":
    case "auth.sign_in_locked":
      Object.assign(data, { entityType: "user", after: { email: event.email, ip: event.ip, method: event.method, ...("reason" in event ? { reason: event.reason } : {}) } });
      break;
    case "auth.signed_out":
      Object.assign(data, { entityType: "user", entityId: String(event.actorId) });
      break;
    case "auth.password_set":
    case "auth.password_changed":
    // Never the token or its hash: the audit log is read by more people than the link's owner.
    case "calendar.link_renewed":
    case "calendar.link_revoked":
      Object.assign(data, { entityType: "user", entityId: String(event.userId) });
      break;
    // The token's id and name, never the token or its hash.
    case "api_token.created":
    case "api_token.first_used":
    case "api_token.revoked":
      Object.assign(data, { entityType: "api_token", entityId: String(event.tokenId), after: { userId: event.userId, ...("name" in event ? { name: event.name } : {}) } });
      break;
    case "user.created":
      Object.assign(data, { entityType: "user", entityId: String(event.userId), after: event.after });
      break;
    case "plan.created":
    case "plan.updated":
    case "plan.archived":
    case "plan.restored":
    case "plan.replaced":
    case "plan.decision_recorded":
    case "plan.decision_removed":
      Object.assign(data, { entityType: "plan", entityId: String(event.planId), before: event.before ?? undefined, after: event.after });
      break;
    case "period.created":
    case "period.updated":
    case "period.published":
    case "period.adopted":
    case "period.deleted":
    case "period.decision_removed":
    case "period.draft_changed":
    case "period.draft_bulk_changed":
    case "period.draft_plan_added":
    case "period.draft_plan_removed":
      Object.assign(data, { entityType: "strategy_period", entityId: String(event.periodId), before: event.before ?? undefined, after: event.after });
      break;
    case "mail.test_requested":
      Object.assign(data, { entityType: "mail", after: { to: event.to } });
      break;
    case "plan.imported":
      Object.assign(data, { entityType: "plan", entityId: String(event.planId), before: event.before ?? undefined, after: { ...event.after, importFile: event.file } });
      break;
    case "settings.updated":
      Object.assign(data, { entityType: "settings", entityId: "1", before: event.before, after: event.after });
      break;
    default:
      Object.assign(data, { entityType: "user", entityId: String(event.userId), before: event.before, after: event.after });
  }
  return data;
}
