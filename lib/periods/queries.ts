// Reads for planning-strategy periods and their planprogram.
import "server-only";
import { db } from "../db";
import type { Prisma, PrismaClient } from "../generated/prisma/client";

type Client = Pick<PrismaClient, "strategyPeriod">;

const decisionInclude = {
  decisions: {
    include: {
      plan: {
        select: {
          id: true, title: true, type: true, status: true, adoptedOn: true, revisionDueOn: true, responsibleUnit: true, archivedAt: true,
          // The plans replacing it: a revision made as a new plan counts for "revise".
          relationsTo: { where: { kind: "replaces" }, select: { fromPlan: { select: { adoptedOn: true } } } },
        },
      },
    },
    orderBy: [{ decision: "asc" }, { plan: { title: "asc" } }, { id: "asc" }],
  },
} satisfies Prisma.StrategyPeriodInclude;

/** Every period, newest first, with the decisions its completion rate needs. */
export function listPeriodsWithDecisions(client: Client = db) {
  return client.strategyPeriod.findMany({ orderBy: [{ startYear: "desc" }, { id: "desc" }], include: decisionInclude });
}

/** One period with its planprogram (every decision and its plan), or null. */
export function getPeriodProgram(id: number, client: Client = db) {
  return client.strategyPeriod.findUnique({ where: { id }, include: decisionInclude });
}

export type PeriodProgram = NonNullable<Awaited<ReturnType<typeof getPeriodProgram>>>;

/** The period covering `year` (the latest starting, if several), else the most recent one before it; `current` says which. */
export async function findCurrentPeriod(year: number, client: Client = db): Promise<{ period: PeriodProgram; current: boolean } | null> {
  const covering = await client.strategyPeriod.findFirst({ where: { startYear: { lte: year }, endYear: { gte: year } }, orderBy: [{ startYear: "desc" }, { id: "desc" }], include: decisionInclude });
  if (covering) return { period: covering, current: true };
  const latest = await client.strategyPeriod.findFirst({ where: { startYear: { lte: year } }, orderBy: [{ startYear: "desc" }, { id: "desc" }], include: decisionInclude });
  return latest ? { period: latest, current: false } : null;
}
