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
// Each sort key as a number or text to compare; null (not known) sorts last in either direction.
const sortValue: Record<CountySortKey, (m: CountyFigure) => number | string | null> = {
  name: (m) => m.name,
  kommunenummer: (m) => m.kommunenummer,
  state: (m) => worst[m.state],
  deadline: (m) => daysPastDeadline(m.adoption),
  overdue: (m) => m.overduePlans,
  due: (m) => m.dueThisPeriod,
  updated: (m) => m.lastUpdated?.getTime() ?? null,
};

function compareBy(key: CountySortKey, sign: number) {
  return (a: CountyFigure, b: CountyFigure): number => {
    const [x, y] = [sortValue[key](a), sortValue[key](b)];
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return sign * (typeof x === "string" ? collator.compare(x, y as string) : x - (y as number));
  };
}

/** The figures under the filter, in the chosen order (ties by kommunenummer). */
export function filterAndSort(figures: CountyFigure[], f: CountyFilter): CountyFigure[] {
  const q = f.q?.trim().toLocaleLowerCase("nb");
  const kept = figures.filter(
    (m) =>
      (!q || m.name.toLocaleLowerCase("nb").includes(q) || m.kommunenummer.includes(q)) &&
      (!f.state || m.state === f.state) &&
      (!f.overdue || (f.overdue === "yes") === m.overduePlans > 0),
  );
  const order = compareBy(f.sort, f.dir === "desc" ? -1 : 1);
  return kept.sort((a, b) => order(a, b) || a.kommunenummer.localeCompare(b.kommunenummer));
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
