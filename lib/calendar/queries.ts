// Reads for the calendar feed: who a feed link belongs to, and which plans it shows.
import "server-only";
import { db } from "../db";
import { can } from "../permissions";
import { hashToken } from "../auth/secret-token";
import { activePlanWhere } from "../plans/active";
import type { Prisma } from "../generated/prisma/client";
import type { FeedConsultation, FeedPlan } from "./feed";
import { addMonths, todayInOslo } from "../dates";
import { consultationRounds } from "../plans/consultation";
import { stageSelect } from "../plans/stage-view";
import { feedTokenSchema } from "./schema";

/** When the user's current feed link was made, or null if they have none. */
export function getCalendarLink(userId: number) {
  return db.calendarFeed.findFirst({ where: { userId }, select: { createdAt: true } });
}

/**
 * The user a feed token belongs to, if they may still read the register; null otherwise, so
 * an unknown token and a deactivated user get the same answer.
 */
export async function findFeedReader(token: string): Promise<{ id: number } | null> {
  if (!feedTokenSchema.safeParse(token).success) return null;
  const feed = await db.calendarFeed.findFirst({
    where: { tokenHash: hashToken(token) },
    select: { user: { select: { id: true, role: true, active: true } } },
  });
  if (!feed || !feed.user.active || !can(feed.user.role, "plan.read")) return null;
  return { id: feed.user.id };
}

/** Active plans with a revision due date, earliest first; `client` lets a test read in its own transaction. */
export async function listFeedPlans(client: Pick<Prisma.TransactionClient, "plan"> = db): Promise<FeedPlan[]> {
  const rows = await client.plan.findMany({
    where: { ...activePlanWhere, revisionDueOn: { not: null } },
    orderBy: [{ revisionDueOn: "asc" }, { id: "asc" }],
    select: { id: true, title: true, type: true, status: true, responsibleUnit: true, revisionDueOn: true, updatedAt: true },
  });
  return rows.flatMap(({ revisionDueOn, ...plan }) => (revisionDueOn ? [{ ...plan, revisionDueOn }] : []));
}

/** Consultation deadlines of active plans from a year ago on (older ones only clutter a calendar). */
export async function listFeedConsultations(client: Pick<Prisma.TransactionClient, "plan"> = db, now = new Date()): Promise<FeedConsultation[]> {
  const since = addMonths(todayInOslo(now), -12);
  const rows = await client.plan.findMany({
    where: { ...activePlanWhere, OR: [{ consultationTo: { gte: since } }, { consultation2To: { gte: since } }] },
    orderBy: [{ consultationTo: "asc" }, { id: "asc" }],
    select: { id: true, title: true, updatedAt: true, ...stageSelect },
  });
  return rows.flatMap((p) => consultationRounds(p).filter((r) => r.to >= since).map((r) => ({ planId: p.id, title: p.title, round: r.round, to: r.to, url: r.url, updatedAt: p.updatedAt })));
}
