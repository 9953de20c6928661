// Innsyn's "På høring nå" and the overview's closing consultations: plans whose consultation is
// open today (Europe/Oslo), nearest deadline first. Bounded: a municipality has a handful at a time.
import "server-only";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { db } from "../db";
import { isoDate, todayInOslo } from "../dates";
import { activePlanWhere } from "../plans/active";
import { consultationClosingWhere, openConsultationWhere } from "../plans/consultation";
import { cachedPublic } from "./cache";
import { publicPlanSchema, type PublicPlan } from "./fields";
import { planRowSelect, shapePlan } from "./plan-shape";
import { PUBLIC, publicPlanWhere, type Audience } from "./visibility";

export const CONSULTATIONS_MAX = 500;
type Client = Pick<PrismaClient, "plan">;

async function readConsultations(where: Prisma.PlanWhereInput, audience: Audience, client: Client, now: Date): Promise<PublicPlan[]> {
  const rows = await client.plan.findMany({ where, select: planRowSelect, take: CONSULTATIONS_MAX, orderBy: [{ consultationTo: "asc" }, { id: "asc" }] });
  // The open round's deadline decides the order (the second round's, when that is the open one).
  return rows
    .map((r) => shapePlan(r, audience, now))
    .sort((a, b) => (a.consultation?.to ?? "").localeCompare(b.consultation?.to ?? "") || a.title.localeCompare(b.title, "nb") || a.id - b.id);
}

/** Public plans on consultation today, nearest deadline first; cached per day and register version. */
export function innsynConsultations(now = new Date()) {
  return cachedPublic(`consultations ${isoDate(todayInOslo(now))}`, () => loadConsultations(now));
}

/** innsynConsultations' read, uncached, checked against the allow-list. */
export async function loadConsultations(now = new Date()) {
  const where = { AND: [publicPlanWhere, openConsultationWhere(todayInOslo(now))] };
  return publicPlanSchema.array().parse(await readConsultations(where, PUBLIC, db, now));
}

/** Active plans (not archived, repealed or replaced) whose consultation is open and closes within 30 days (the overview and the schedule). */
export function closingConsultations(now = new Date(), client: Client = db) {
  const today = todayInOslo(now);
  return readConsultations({ AND: [activePlanWhere, consultationClosingWhere(today)] }, { kind: "reader", userId: 0, tokenId: 0 }, client, now);
}
