// The overview page's data: the schedule summary and the planning strategy being carried out.
import "server-only";
import { db } from "./db";
import type { PrismaClient } from "./generated/prisma/client";
import { periodCompletion } from "./periods/completion";
import { adoptionState } from "./periods/deadlines";
import { findCurrentPeriod } from "./periods/queries";
import { summarizeSchedule } from "./schedule/summary";
import { dueByYear } from "./schedule/due-by-year";

/** Everything the overview shows, as of `today` (a calendar date in Europe/Oslo). */
export async function getOverview(today: Date, client: Pick<PrismaClient, "plan" | "strategyPeriod" | "$queryRaw"> = db) {
  // One after the other: `client` may be a transaction, whose connection takes one query at a time.
  const { summary, nextDeadlines } = await summarizeSchedule(client, today);
  const dueYears = await dueByYear(client, today);
  const strategy = await findCurrentPeriod(today.getUTCFullYear(), client);
  return {
    summary,
    nextDeadlines,
    dueYears,
    strategy: strategy
      ? { ...strategy, completion: await periodCompletion(strategy.period, today, client), adoption: adoptionState(strategy.period, today) }
      : null,
  };
}
