// The preview: every row of an upload matched to a plan (by id, else by type + title among plans
// not archived — the rule of the unique index) and classified as new, changed (with its field
// changes), unchanged, conflict (the plan moved on since the file's version) or error (messages
// per field from the plan form's zod schema). Reads in a fixed number of queries per 5,000 rows.
import "server-only";
import { db } from "../db";
import type { PrismaClient } from "../generated/prisma/client";
import { zodFieldErrors, type Translate } from "../action-core";
import { planCreateSchema, type PlanInput } from "../plans/schema";
import { isLongConsultation } from "../plans/consultation";
import { parseNationalPlanId } from "../plans/sosi";
import { changedFields, type FieldChange, type PlanSnapshot } from "../plans/snapshot";
import type { ColumnKey } from "../spreadsheet/columns";
import { codeText, fillMissing, intCell, rowToForm, type FormFields } from "./cells";
import { DEFAULTS, type ImportDefaults, type Mapping } from "./mapping";
import type { SheetTable } from "./read-file";

type Client = Pick<PrismaClient, "plan" | "user" | "sdgTarget" | "$queryRaw">;

export type RowKind = "new" | "changed" | "unchanged" | "conflict" | "error";
export type RowError = { field: ColumnKey | "row"; message: string };
/** A validated plan as stored between preview and apply (dates as yyyy-mm-dd). */
export type StoredInput = Omit<PlanInput, StageDate | "adoptedOn" | "revisionDueOn"> & Record<StageDate | "adoptedOn" | "revisionDueOn", string | null>;
type StageDate = (typeof STAGE_DATES)[number];
const STAGE_DATES = ["startNoticeOn", "consultationFrom", "consultationTo", "consultation2From", "consultation2To"] as const;
export type ClassifiedRow = {
  rowNumber: number; kind: RowKind; planId: number | null; baseVersion: number | null; title: string;
  input: StoredInput | null; before: PlanSnapshot | null; changes: FieldChange[]; errors: RowError[];
};

const CHUNK = 5_000;
const chunks = <T,>(items: T[]) => Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));
const key = (type: string, title: string) => `${type}\u0000${title.trim().toLowerCase()}`;
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

// The schema's field paths as the spreadsheet's columns.
function columnOf(path: string): ColumnKey | "row" {
  const head = path.split(".")[0]!;
  if (head === "ownerId") return "owner";
  if (head.startsWith("document")) return "documents";
  if (head.startsWith("relation")) return "relations";
  return head === "form" ? "row" : (head as ColumnKey);
}

function formOf(s: PlanSnapshot): FormFields {
  const str = (v: string | number | null) => (v === null ? "" : String(v));
  return {
    title: s.title, type: s.type, status: s.status, adoptedOn: str(s.adoptedOn), adoptedBy: str(s.adoptedBy), caseNumber: str(s.caseNumber),
    decisionUrl: str(s.decisionUrl), revisionDueOn: str(s.revisionDueOn), periodFromYear: str(s.periodFromYear), periodToYear: str(s.periodToYear),
    responsibleUnit: str(s.responsibleUnit), ownerId: str(s.ownerId), summary: s.summary, legallyRequired: s.legallyRequired ? "true" : "", publicDraft: s.publicDraft ? "true" : "",
    targets: s.targets, documentLabel: s.documents.map((d) => d.label), documentUrl: s.documents.map((d) => d.url),
    relationKind: s.relations.map((r) => r.kind), relationPlanId: s.relations.map((r) => String(r.toPlanId)),
    startNoticeOn: str(s.startNoticeOn), consultationFrom: str(s.consultationFrom), consultationTo: str(s.consultationTo), consultationUrl: str(s.consultationUrl),
    consultation2From: str(s.consultation2From), consultation2To: str(s.consultation2To), consultation2Url: str(s.consultation2Url),
    nationalPlanId: str(s.nationalPlanId), sosiPlantype: str(s.sosiPlantype), sosiPlanstatus: str(s.sosiPlanstatus),
    // A period over a year that the plan already has was confirmed when it was saved.
    confirmLongConsultation: [[s.consultationFrom, s.consultationTo], [s.consultation2From, s.consultation2To]].some(([f, t]) => f && t && isLongConsultation(new Date(f), new Date(t))) ? "true" : "",
  };
}

/** What a plan would be after the import: the audit log's record of it. */
export function snapshotOfInput(input: StoredInput, archived: boolean, version: number): PlanSnapshot {
  return {
    title: input.title, type: input.type, status: input.status, adoptedOn: input.adoptedOn, adoptedBy: input.adoptedBy, caseNumber: input.caseNumber,
    decisionUrl: input.decisionUrl, revisionDueOn: input.revisionDueOn, periodFromYear: input.periodFromYear, periodToYear: input.periodToYear,
    responsibleUnit: input.responsibleUnit, ownerId: input.ownerId, summary: input.summary, legallyRequired: input.legallyRequired,
    publicDraft: input.publicDraft, targets: [...input.targets].sort(), documents: input.documents, relations: input.relations, archived, version,
    startNoticeOn: input.startNoticeOn, consultationFrom: input.consultationFrom, consultationTo: input.consultationTo, consultationUrl: input.consultationUrl,
    consultation2From: input.consultation2From, consultation2To: input.consultation2To, consultation2Url: input.consultation2Url,
    nationalPlanId: input.nationalPlanId, sosiPlantype: input.sosiPlantype, sosiPlanstatus: input.sosiPlanstatus,
  };
}

/**
 * The plans' audit records, as lib/plans/snapshot.ts's planSnapshot makes them (the same keys in
 * the same order: changedFields compares lists as JSON), built by PostgreSQL in one query per
 * 5,000 plans — through the ORM's four queries and objects they took 0.3 s at 5,000 plans.
 */
export async function planSnapshots(client: Client, ids: number[]): Promise<Map<number, PlanSnapshot>> {
  const out = new Map<number, PlanSnapshot>();
  for (const part of chunks(ids)) {
    const rows = await client.$queryRaw<{ id: number; snapshot: PlanSnapshot }[]>`
      SELECT p.id, json_build_object(
        'title', p.title, 'type', p.type, 'status', p.status, 'adoptedOn', to_char(p.adopted_on, 'YYYY-MM-DD'), 'adoptedBy', p.adopted_by,
        'caseNumber', p.case_number, 'decisionUrl', p.decision_url, 'revisionDueOn', to_char(p.revision_due_on, 'YYYY-MM-DD'),
        'periodFromYear', p.period_from_year, 'periodToYear', p.period_to_year, 'responsibleUnit', p.responsible_unit,
        'ownerId', p.owner_id, 'summary', p.summary, 'legallyRequired', p.legally_required, 'publicDraft', p.public_draft,
        'targets', coalesce((SELECT json_agg(t.target_code ORDER BY t.target_code COLLATE "C") FROM plan_targets t WHERE t.plan_id = p.id), '[]'::json),
        'documents', coalesce((SELECT json_agg(json_build_object('label', d.label, 'url', d.url) ORDER BY d.sort_order, d.id) FROM plan_documents d WHERE d.plan_id = p.id), '[]'::json),
        'relations', coalesce((SELECT json_agg(json_build_object('kind', r.kind, 'toPlanId', r.to_plan_id) ORDER BY r.id) FROM plan_relations r WHERE r.from_plan_id = p.id), '[]'::json),
        'archived', p.archived_at IS NOT NULL, 'version', p.version,
        'startNoticeOn', to_char(p.start_notice_on, 'YYYY-MM-DD'), 'consultationFrom', to_char(p.consultation_from, 'YYYY-MM-DD'),
        'consultationTo', to_char(p.consultation_to, 'YYYY-MM-DD'), 'consultationUrl', p.consultation_url,
        'consultation2From', to_char(p.consultation2_from, 'YYYY-MM-DD'), 'consultation2To', to_char(p.consultation2_to, 'YYYY-MM-DD'),
        'consultation2Url', p.consultation2_url, 'nationalPlanId', p.national_plan_id, 'sosiPlantype', p.sosi_plantype, 'sosiPlanstatus', p.sosi_planstatus) AS snapshot
      FROM plans p WHERE p.id = ANY(${part}::int[])`;
    for (const r of rows) out.set(r.id, r.snapshot);
  }
  return out;
}

/** Classifies every row of `table` under `mapping` (new plans take `defaults` where the file has no column); messages in the language of `t`. */
export async function classifyRows(table: SheetTable, mapping: Mapping, t: Translate, defaults: ImportDefaults = DEFAULTS, client: Client = db): Promise<ClassifiedRow[]> {
  const col = (k: ColumnKey) => mapping.indexOf(k);
  const cell = (row: SheetTable["rows"][number], k: ColumnKey) => (col(k) >= 0 ? (row.cells[col(k)] ?? null) : null);
  const ids = table.rows.map((r) => intCell(cell(r, "id")));
  const versions = table.rows.map((r) => intCell(cell(r, "version")));
  const keys = table.rows.map((r) => key(codeText("type", cell(r, "type")), String(cell(r, "title") ?? "")));

  // Active plans by type + title, for matching and for the unique-title rule.
  const active = new Map<string, number>();
  const keyParts = [...new Set(keys)].map((k) => k.split("\u0000") as [string, string]);
  for (const part of chunks(keyParts)) {
    const rows = await client.$queryRaw<{ id: number; type: string; title: string }[]>`
      SELECT p.id, p.type::text AS type, p.title FROM plans p
      JOIN unnest(${part.map((k) => k[0])}::text[], ${part.map((k) => k[1])}::text[]) AS k(type, title)
        ON p.type::text = k.type AND lower(p.title) = k.title
      WHERE p.archived_at IS NULL`;
    for (const r of rows) active.set(key(r.type, r.title), r.id);
  }
  const matched = table.rows.map((_, i) => (ids[i] !== null ? ids[i]! : (active.get(keys[i]!) ?? null)));
  const before = await planSnapshots(client, [...new Set(matched.filter((id): id is number => id !== null && Number.isFinite(id)))]);

  // The forms first (users, targets and related plans are looked up for all rows at once).
  const forms = table.rows.map((row, i) => {
    const plan = Number.isFinite(matched[i]) && matched[i] !== null ? before.get(matched[i]!) : undefined;
    const result = rowToForm(row.cells, mapping, plan ? formOf(plan) : {});
    if (!plan) fillMissing(result.form, mapping, defaults);
    return result;
  });
  const emails = [...new Set(forms.map((f) => f.form.ownerEmail).filter((e): e is string => typeof e === "string" && e !== ""))];
  const users = new Map<string, number>();
  for (const part of chunks(emails)) for (const u of await client.user.findMany({ where: { email: { in: part } }, select: { id: true, email: true } })) users.set(u.email, u.id);
  const targetCodes = new Set((await client.sdgTarget.findMany({ select: { code: true } })).map((x) => x.code));
  const relatedIds = [...new Set(forms.flatMap((f) => (Array.isArray(f.form.relationPlanId) ? f.form.relationPlanId : []).map(Number).filter((n) => Number.isInteger(n) && n > 0 && n < 2_147_483_648)))];
  const existing = new Set<number>();
  for (const part of chunks(relatedIds)) for (const p of await client.plan.findMany({ where: { id: { in: part } }, select: { id: true } })) existing.add(p.id);

  // National plan ids already held by plans (unique among plans, lib/plans/mutations.ts).
  const nationalIds = new Map<string, number>();
  const typedIds = [...new Set(forms.map((f) => f.form.nationalPlanId).filter((v): v is string => typeof v === "string" && v !== "").map((v) => parseNationalPlanId(v)?.id ?? v))];
  for (const part of chunks(typedIds)) for (const p of await client.plan.findMany({ where: { nationalPlanId: { in: part } }, select: { id: true, nationalPlanId: true } })) nationalIds.set(p.nationalPlanId!, p.id);

  const rows: ClassifiedRow[] = table.rows.map((row, i) => {
    const errors: RowError[] = [];
    const add = (field: ColumnKey | "row", message: string) => { if (!errors.some((e) => e.field === field && e.message === message)) errors.push({ field, message }); };
    const id = ids[i]!, version = versions[i]!;
    if (Number.isNaN(id)) add("id", t("validation.invalid"));
    if (Number.isNaN(version)) add("version", t("validation.invalid"));
    const plan = matched[i] !== null && Number.isFinite(matched[i]) ? before.get(matched[i]!) ?? null : null;
    if (id !== null && Number.isFinite(id) && !plan) add("id", t("import.errors.unknownPlan", { id }));
    if (id !== null && Number.isFinite(id) && version === null) add("version", t("import.errors.versionRequired"));
    const { form, problems } = forms[i]!;
    for (const p of problems) add(p.field, t(p.key));
    if (typeof form.ownerEmail === "string") {
      if (form.ownerEmail === "") form.ownerId = "";
      else if (users.has(form.ownerEmail)) form.ownerId = String(users.get(form.ownerEmail));
      else add("owner", t("import.errors.unknownOwner"));
      delete form.ownerEmail;
    }
    const parsed = planCreateSchema.safeParse(form);
    if (!parsed.success) for (const [path, messages] of Object.entries(zodFieldErrors(parsed.error, t))) for (const m of messages) add(columnOf(path), m);
    let input: StoredInput | null = null;
    if (parsed.success) {
      const v = parsed.data;
      input = { ...v, adoptedOn: day(v.adoptedOn), revisionDueOn: day(v.revisionDueOn), ...Object.fromEntries(STAGE_DATES.map((k) => [k, day(v[k])])) as Record<StageDate, string | null> };
      const unknownTargets = v.targets.filter((code) => !targetCodes.has(code));
      if (unknownTargets.length) add("targets", t("import.errors.unknownTargets", { codes: unknownTargets.join(", ") }));
      for (const r of v.relations) {
        if (plan && r.toPlanId === matched[i]) add("relations", t("errors.relationSelf"));
        else if (!existing.has(r.toPlanId)) add("relations", t("import.errors.unknownRelation", { id: r.toPlanId }));
      }
      const taken = active.get(key(v.type, v.title));
      if (taken !== undefined && taken !== matched[i] && !plan?.archived) add("title", t("errors.titleTaken"));
      const holder = v.nationalPlanId ? nationalIds.get(v.nationalPlanId) : undefined;
      if (holder !== undefined && holder !== matched[i]) add("nationalPlanId", t("errors.nationalPlanIdTaken"));
    }
    const title = input?.title ?? String(form.title ?? "").slice(0, 300);
    return { rowNumber: row.number, kind: "error", planId: plan ? matched[i]! : null, baseVersion: plan?.version ?? null, title, input, before: plan, changes: [], errors };
  });

  // Two rows for one plan, or two rows that would make the same title: neither is guessed.
  const claims = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const title = r.input?.title ?? String(table.rows[i]!.cells[col("title")] ?? "").trim();
    const type = r.input?.type ?? keys[i]!.split("\u0000")[0]!;
    const claim = new Set([r.planId !== null ? `id:${r.planId}` : null, title && !r.before?.archived ? `key:${key(type, title)}` : null, r.input?.nationalPlanId ? `national:${r.input.nationalPlanId}` : null]);
    for (const c of claim) if (c) claims.set(c, [...(claims.get(c) ?? []), i]);
  });
  for (const group of claims.values()) {
    if (group.length < 2) continue;
    const numbers = group.map((i) => rows[i]!.rowNumber).join(", ");
    for (const i of group) if (!rows[i]!.errors.some((e) => e.field === "row")) rows[i]!.errors.push({ field: "row", message: t("import.errors.ambiguous", { rows: numbers }) });
  }

  for (const [i, r] of rows.entries()) {
    if (r.errors.length || !r.input) continue;
    const version = versions[i];
    if (r.before && version !== null && version !== undefined && version > r.before.version) {
      r.errors.push({ field: "version", message: t("import.errors.versionAhead", { version: r.before.version }) });
      continue;
    }
    const after = snapshotOfInput(r.input, r.before?.archived ?? false, r.before?.version ?? 1);
    r.changes = changedFields(r.before, after).filter((c) => c.field !== "archived");
    // A row equal to the plan as it is now is unchanged whatever its version (the same file twice).
    if (!r.before) r.kind = "new";
    else if (r.changes.length === 0) r.kind = "unchanged";
    else r.kind = version !== null && version !== undefined && version < r.before.version ? "conflict" : "changed";
  }
  return rows;
}

