// The plans of an export, read in batches in the page's order: one query for the plans and one
// per list (targets, documents, relations) per batch, so memory holds one batch at a time.
import "server-only";
import { db } from "../db";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import type { SheetPlan } from "./columns";
import { sosiCodes } from "../plans/sosi";

type Client = Pick<PrismaClient, "plan" | "planTarget" | "planDocument" | "planRelation">;

export const EXPORT_BATCH = 1000;

/** Every plan matching `where` in `orderBy`, a batch at a time. */
export async function* sheetPlanBatches(where: Prisma.PlanWhereInput, orderBy: Prisma.PlanOrderByWithRelationInput[], client: Client = db, batch = EXPORT_BATCH): AsyncGenerator<SheetPlan[]> {
  for (let skip = 0; ; skip += batch) {
    const plans = await client.plan.findMany({ where, orderBy, skip, take: batch, include: { owner: { select: { email: true } } } });
    if (plans.length === 0) return;
    const ids = plans.map((p) => p.id);
    const targets = await client.planTarget.findMany({ where: { planId: { in: ids } }, select: { planId: true, targetCode: true } });
    const documents = await client.planDocument.findMany({ where: { planId: { in: ids } }, select: { planId: true, label: true, url: true }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }] });
    const relations = await client.planRelation.findMany({ where: { fromPlanId: { in: ids } }, select: { fromPlanId: true, toPlanId: true, kind: true }, orderBy: { id: "asc" } });
    const byPlan = <T,>(rows: T[], key: (r: T) => number) => {
      const map = new Map<number, T[]>();
      for (const r of rows) map.set(key(r), [...(map.get(key(r)) ?? []), r]);
      return map;
    };
    const t = byPlan(targets, (r) => r.planId);
    const d = byPlan(documents, (r) => r.planId);
    const r = byPlan(relations, (x) => x.fromPlanId);
    yield plans.map((p) => ({
      id: p.id, version: p.version, title: p.title, type: p.type, status: p.status, adoptedOn: p.adoptedOn, adoptedBy: p.adoptedBy,
      caseNumber: p.caseNumber, decisionUrl: p.decisionUrl, revisionDueOn: p.revisionDueOn, periodFromYear: p.periodFromYear,
      periodToYear: p.periodToYear, responsibleUnit: p.responsibleUnit, ownerEmail: p.owner?.email ?? null, legallyRequired: p.legallyRequired,
      targets: (t.get(p.id) ?? []).map((x) => x.targetCode).sort(compareTargets), summary: p.summary,
      documents: (d.get(p.id) ?? []).map((x) => ({ label: x.label, url: x.url })),
      relations: (r.get(p.id) ?? []).map((x) => ({ kind: x.kind, toPlanId: x.toPlanId })),
      startNoticeOn: p.startNoticeOn, consultationFrom: p.consultationFrom, consultationTo: p.consultationTo, consultationUrl: p.consultationUrl,
      consultation2From: p.consultation2From, consultation2To: p.consultation2To, consultation2Url: p.consultation2Url,
      nationalPlanId: p.nationalPlanId, ...sosiCodes(p),
    }));
    if (plans.length < batch) return;
  }
}

/** "3.4" before "3.10" before "3.a", as the UN lists them. */
export function compareTargets(a: string, b: string): number {
  const [ga, ta = ""] = a.split(".");
  const [gb, tb = ""] = b.split(".");
  if (Number(ga) !== Number(gb)) return Number(ga) - Number(gb);
  const na = /^\d+$/.test(ta), nbr = /^\d+$/.test(tb);
  if (na && nbr) return Number(ta) - Number(tb);
  if (na !== nbr) return na ? -1 : 1;
  return ta.localeCompare(tb);
}
