// A plan as the audit log records it (before/after), and the differences between two records:
// what the history tab and the conflict message show.
import type { Prisma } from "../generated/prisma/client";

export const SNAPSHOT_FIELDS = [
  "title", "type", "status", "adoptedOn", "adoptedBy", "caseNumber", "decisionUrl", "revisionDueOn",
  "periodFromYear", "periodToYear", "responsibleUnit", "ownerId", "summary", "legallyRequired", "publicDraft",
  "targets", "documents", "relations", "archived",
  "startNoticeOn", "consultationFrom", "consultationTo", "consultationUrl", "consultation2From", "consultation2To", "consultation2Url",
  "nationalPlanId", "sosiPlantype", "sosiPlanstatus",
] as const;
export type SnapshotField = (typeof SNAPSHOT_FIELDS)[number];

export type PlanSnapshot = {
  title: string; type: string; status: string; adoptedOn: string | null; adoptedBy: string | null;
  caseNumber: string | null; decisionUrl: string | null; revisionDueOn: string | null;
  periodFromYear: number | null; periodToYear: number | null; responsibleUnit: string | null;
  ownerId: number | null; summary: string; legallyRequired: boolean; publicDraft: boolean; targets: string[];
  documents: { label: string; url: string }[]; relations: { kind: string; toPlanId: number }[];
  archived: boolean; version: number;
  startNoticeOn: string | null; consultationFrom: string | null; consultationTo: string | null; consultationUrl: string | null;
  consultation2From: string | null; consultation2To: string | null; consultation2Url: string | null;
  nationalPlanId: string | null; sosiPlantype: number | null; sosiPlanstatus: number | null;
};

export const planSnapshotInclude = {
  targets: { select: { targetCode: true } },
  documents: { select: { label: true, url: true }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }] },
  relationsFrom: { select: { kind: true, toPlanId: true }, orderBy: { id: "asc" } },
} satisfies Prisma.PlanInclude;

type PlanWithLists = Prisma.PlanGetPayload<{ include: typeof planSnapshotInclude }>;

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export function planSnapshot(plan: PlanWithLists): PlanSnapshot {
  return {
    title: plan.title, type: plan.type, status: plan.status, adoptedOn: day(plan.adoptedOn), adoptedBy: plan.adoptedBy,
    caseNumber: plan.caseNumber, decisionUrl: plan.decisionUrl, revisionDueOn: day(plan.revisionDueOn),
    periodFromYear: plan.periodFromYear, periodToYear: plan.periodToYear, responsibleUnit: plan.responsibleUnit,
    ownerId: plan.ownerId, summary: plan.summary, legallyRequired: plan.legallyRequired, publicDraft: plan.publicDraft,
    targets: plan.targets.map((t) => t.targetCode).sort(),
    documents: plan.documents.map((d) => ({ label: d.label, url: d.url })),
    relations: plan.relationsFrom.map((r) => ({ kind: r.kind, toPlanId: r.toPlanId })),
    archived: plan.archivedAt !== null, version: plan.version,
    startNoticeOn: day(plan.startNoticeOn), consultationFrom: day(plan.consultationFrom), consultationTo: day(plan.consultationTo),
    consultationUrl: plan.consultationUrl, consultation2From: day(plan.consultation2From), consultation2To: day(plan.consultation2To),
    consultation2Url: plan.consultation2Url, nationalPlanId: plan.nationalPlanId, sosiPlantype: plan.sosiPlantype, sosiPlanstatus: plan.sosiPlanstatus,
  };
}

export type FieldChange = { field: SnapshotField; from: unknown; to: unknown };

/** The fields that differ between two records (a missing record counts as empty). */
export function changedFields(before: Partial<PlanSnapshot> | null, after: Partial<PlanSnapshot> | null): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of SNAPSHOT_FIELDS) {
    const from = before?.[field] ?? null;
    const to = after?.[field] ?? null;
    // Equal primitives need no JSON (an import compares 10,000 plans field by field).
    if (from !== to && JSON.stringify(from) !== JSON.stringify(to)) changes.push({ field, from, to });
  }
  return changes;
}
