// The county office's reads: only through county_overview() and county_public_plans(), which
// return public figures of the calling transaction's county's municipalities (decision 053).
import "server-only";
import { db } from "../db";
import type { PrismaClient } from "../generated/prisma/client";
import { electionPeriodOf } from "../schedule/election";
import { endOfYear, startOfYear } from "../dates";
import { judgeMunicipality, type CountyFigure, type CountyRow } from "./figures";

type Client = Pick<PrismaClient, "$queryRaw">;

type RawOverview = {
  kommunenummer: string; name: string;
  strategy_name: string | null; strategy_start_year: number | null; strategy_end_year: number | null;
  council_constituted_on: Date | null; draft_published_on: Date | null; planned_meeting_on: Date | null; adopted_on: Date | null;
  active_plans: bigint; overdue_plans: bigint; due_this_period: bigint; last_updated: Date | null;
};

/** Every municipality of the office's county with its figures as of `today` (none for any other tenant). */
export async function getCountyOverview(today: Date, client: Client = db): Promise<CountyFigure[]> {
  const period = electionPeriodOf(today.getUTCFullYear());
  const rows = await client.$queryRaw<RawOverview[]>`
    SELECT * FROM county_overview(${today}::date, ${startOfYear(period.startYear)}::date, ${endOfYear(period.endYear)}::date)`;
  return rows.map((r) => judgeMunicipality(toRow(r), today));
}

function toRow(r: RawOverview): CountyRow {
  return {
    kommunenummer: r.kommunenummer,
    name: r.name,
    strategy: r.strategy_name === null ? null : {
      name: r.strategy_name, startYear: r.strategy_start_year!, endYear: r.strategy_end_year!,
      councilConstitutedOn: r.council_constituted_on, draftPublishedOn: r.draft_published_on, plannedMeetingOn: r.planned_meeting_on, adoptedOn: r.adopted_on,
    },
    activePlans: Number(r.active_plans),
    overduePlans: Number(r.overdue_plans),
    dueThisPeriod: Number(r.due_this_period),
    lastUpdated: r.last_updated,
  };
}

export type CountyPlan = { title: string; type: string; status: string; adoptedOn: Date | null; revisionDueOn: Date | null; responsibleUnit: string | null };

/** One page of a municipality's public plans, and how many there are (empty for another county's). */
export async function getCountyPublicPlans(kommunenummer: string, limit: number, offset: number, client: Client = db): Promise<{ plans: CountyPlan[]; total: number }> {
  const rows = await client.$queryRaw<{ title: string; type: string; status: string; adopted_on: Date | null; revision_due_on: Date | null; responsible_unit: string | null; total: bigint }[]>`
    SELECT * FROM county_public_plans(${kommunenummer}, ${limit}::integer, ${offset}::integer)`;
  return {
    plans: rows.map((r) => ({ title: r.title, type: r.type, status: r.status, adoptedOn: r.adopted_on, revisionDueOn: r.revision_due_on, responsibleUnit: r.responsible_unit })),
    total: rows.length ? Number(rows[0]!.total) : 0,
  };
}
