// The county view's figures for one municipality, judged by pbl. § 10-1 (lib/periods/deadlines.ts),
// and the list's filter and sort. Pure: rows from county_overview() in, figures out; no Next.js or
// Prisma, so tests, the page, the downloads and the API share it.
import { adoptionState, draftState, type DeadlineState } from "../periods/deadlines";
import { isoDate } from "../dates";

/** One municipality as county_overview() returns it (public figures only). */
export type CountyRow = {
  kommunenummer: string;
  name: string;
  strategy: {
    name: string; startYear: number; endYear: number;
    councilConstitutedOn: Date | null; draftPublishedOn: Date | null; plannedMeetingOn: Date | null; adoptedOn: Date | null;
  } | null;
  activePlans: number;
  overduePlans: number;
  dueThisPeriod: number;
  lastUpdated: Date | null;
};

/**
 * Where a municipality's current planning strategy stands: adopted on time or late; not adopted
 * with the deadline ahead (pending) or passed (overdue); none registered for the period
 * (missing); or registered without the council's constitution date (unknown).
 */
export const strategyStates = ["on_time", "late", "pending", "overdue", "missing", "unknown"] as const;
export type StrategyState = (typeof strategyStates)[number];

export type CountyFigure = CountyRow & { state: StrategyState; adoption: DeadlineState | null; draft: DeadlineState | null };

function stateOf(adoption: DeadlineState | null): StrategyState {
  if (!adoption) return "missing";
  return ({ met: "on_time", missed: "late", open: "pending", overdue: "overdue", published: "pending", unknown: "unknown" } as const)[adoption.kind];
}

/** The row with its § 10-1 states as of `today`. */
export function judgeMunicipality(row: CountyRow, today: Date): CountyFigure {
  const adoption = row.strategy ? adoptionState(row.strategy, today) : null;
  const draft = row.strategy ? draftState(row.strategy, today) : null;
  return { ...row, adoption, draft, state: stateOf(adoption) };
}

export const countySortKeys = ["name", "kommunenummer", "state", "deadline", "overdue", "due", "updated"] as const;
export type CountySortKey = (typeof countySortKeys)[number];
export type CountyFilter = { q?: string; state?: StrategyState; overdue?: "yes" | "no"; sort: CountySortKey; dir: "asc" | "desc" };

/** Days past the adoption deadline (negative: days to spare or left); null when it cannot be told. */
export function daysPastDeadline(a: DeadlineState | null): number | null {
  if (!a) return null;
  switch (a.kind) {
    case "met": return -a.daysToSpare;
    case "missed": return a.daysLate;
    case "open": return -a.daysLeft;
    case "overdue": return a.daysOverdue;
    default: return null;
  }
}

const collator = new Intl.Collator("nb");
const worst: Record<StrategyState, number> = { missing: 0, overdue: 1, late: 2, unknown: 3, pending: 4, on_time: 5 };
// Nulls last in either direction.
const byNumber = (a: number | null, b: number | null) => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : a - b);

const compare: Record<CountySortKey, (a: CountyFigure, b: CountyFigure) => number> = {
  name: (a, b) => collator.compare(a.name, b.name),
  kommunenummer: (a, b) => a.kommunenummer.localeCompare(b.kommunenummer),
  state: (a, b) => worst[a.state] - worst[b.state],
  deadline: (a, b) => byNumber(daysPastDeadline(a.adoption), daysPastDeadline(b.adoption)),
  overdue: (a, b) => a.overduePlans - b.overduePlans,
  due: (a, b) => a.dueThisPeriod - b.dueThisPeriod,
  updated: (a, b) => byNumber(a.lastUpdated?.getTime() ?? null, b.lastUpdated?.getTime() ?? null),
};

/** The figures under the filter, in the chosen order (ties by kommunenummer). */
export function filterAndSort(figures: CountyFigure[], f: CountyFilter): CountyFigure[] {
  const q = f.q?.trim().toLocaleLowerCase("nb");
  const kept = figures.filter(
    (m) =>
      (!q || m.name.toLocaleLowerCase("nb").includes(q) || m.kommunenummer.includes(q)) &&
      (!f.state || m.state === f.state) &&
      (!f.overdue || (f.overdue === "yes") === m.overduePlans > 0),
  );
  const sign = f.dir === "desc" ? -1 : 1;
  return kept.sort((a, b) => sign * compare[f.sort](a, b) || a.kommunenummer.localeCompare(b.kommunenummer));
}

/** How many municipalities are in each state, in the states' order. */
export function countByState(figures: CountyFigure[]): Record<StrategyState, number> {
  const out = Object.fromEntries(strategyStates.map((s) => [s, 0])) as Record<StrategyState, number>;
  for (const m of figures) out[m.state]++;
  return out;
}

const day = (d: Date | null | undefined) => (d ? isoDate(d) : null);

/** The public record of one municipality, as the downloads and the API give it. */
export function publicRecord(m: CountyFigure) {
  return {
    kommunenummer: m.kommunenummer,
    name: m.name,
    strategyName: m.strategy?.name ?? null,
    strategyState: m.state,
    councilConstitutedOn: day(m.strategy?.councilConstitutedOn),
    adoptionDeadline: day(m.adoption?.deadline),
    adoptedOn: day(m.strategy?.adoptedOn),
    daysPastDeadline: daysPastDeadline(m.adoption),
    draftPublishedOn: day(m.strategy?.draftPublishedOn),
    draftDeadline: day(m.draft?.deadline),
    draftState: m.draft?.kind ?? null,
    activePlans: m.activePlans,
    overduePlans: m.overduePlans,
    dueThisPeriod: m.dueThisPeriod,
    lastUpdated: m.lastUpdated ? m.lastUpdated.toISOString() : null,
  };
}
export type CountyRecord = ReturnType<typeof publicRecord>;
export const countyRecordFields = Object.keys(publicRecord(judgeMunicipality({ kommunenummer: "", name: "", strategy: null, activePlans: 0, overduePlans: 0, dueThisPeriod: 0, lastUpdated: null }, new Date(0)))) as (keyof CountyRecord)[];
