// Uploads and their previews in PostgreSQL, so every app instance can show and apply them. An
// upload belongs to the user who made it; uploads older than a day go at the next upload.
import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import type { ClassifiedRow, RowKind } from "./classify";
import { DEFAULTS, type ImportDefaults, type Mapping } from "./mapping";

export const PREVIEW_PAGE_SIZE = 50;
const KEEP_HOURS = 24;

/** Stores an uploaded file; returns its id. */
export async function createUpload(userId: number, fileName: string, content: Buffer): Promise<string> {
  const id = randomUUID();
  await db.importUpload.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - KEEP_HOURS * 3_600_000) } } });
  await db.importUpload.create({ data: { id, userId, fileName, content: new Uint8Array(content) } });
  return id;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The user's upload, or null (someone else's is as good as missing). */
export async function getUpload(id: string, userId: number) {
  if (!UUID.test(id)) return null;
  const upload = await db.importUpload.findFirst({ where: { id } });
  return upload && upload.userId === userId ? upload : null;
}

/** Replaces the upload's preview with `rows` under `mapping` and `defaults`. */
export async function savePreview(uploadId: string, mapping: Mapping, rows: ClassifiedRow[], defaults: ImportDefaults = DEFAULTS): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.importRow.deleteMany({ where: { uploadId } });
    // One statement per 2,000 rows, the rows as one JSON parameter (per-row ORM values cost 20 s at 10,000).
    for (let i = 0; i < rows.length; i += 2000) {
      const batch = JSON.stringify(rows.slice(i, i + 2000).map((r) => ({
        row_number: r.rowNumber, kind: r.kind, plan_id: r.planId, base_version: r.baseVersion, title: r.title,
        // Apply needs the input and the before of what it writes only; the preview shows the changes.
        input: r.kind === "new" || r.kind === "changed" ? r.input : null,
        before: r.kind === "changed" ? r.before : null,
        changes: r.changes, errors: r.errors,
      })));
      await tx.$executeRaw`
        INSERT INTO import_rows (upload_id, row_number, kind, plan_id, base_version, title, input, before, changes, errors)
        SELECT ${uploadId}::uuid, x.row_number, x.kind, x.plan_id, x.base_version, x.title, NULLIF(x.input, 'null'::jsonb), NULLIF(x.before, 'null'::jsonb), x.changes, x.errors
        FROM jsonb_to_recordset(${batch}::jsonb) AS x(row_number int, kind text, plan_id int, base_version int, title text, input jsonb, before jsonb, changes jsonb, errors jsonb)`;
    }
    await tx.importUpload.update({ where: { id: uploadId }, data: { mapping: { columns: mapping, defaults } as Prisma.InputJsonValue } });
  }, { timeout: 120_000, maxWait: 30_000 });
}

/** How many rows of each kind the preview has. */
export async function previewCounts(uploadId: string): Promise<Record<RowKind, number>> {
  const groups = await db.importRow.groupBy({ by: ["kind"], where: { uploadId }, _count: { _all: true } });
  const counts: Record<RowKind, number> = { new: 0, changed: 0, unchanged: 0, conflict: 0, error: 0 };
  for (const g of groups) counts[g.kind as RowKind] = g._count._all;
  return counts;
}

export const PREVIEW_FILTERS = ["all", "new", "changed", "unchanged", "conflict", "error"] as const;
export type PreviewFilter = (typeof PREVIEW_FILTERS)[number];

/** One page of the preview's rows in file order (unchanged rows only when asked for). */
export async function previewPage(uploadId: string, filter: PreviewFilter, page: number) {
  const where: Prisma.ImportRowWhereInput = { uploadId, ...(filter === "all" ? { kind: { not: "unchanged" } } : { kind: filter }) };
  const total = await db.importRow.count({ where });
  const pages = Math.max(1, Math.ceil(total / PREVIEW_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const rows = await db.importRow.findMany({ where, orderBy: { rowNumber: "asc" }, skip: (current - 1) * PREVIEW_PAGE_SIZE, take: PREVIEW_PAGE_SIZE });
  return { total, pages, page: current, rows };
}
