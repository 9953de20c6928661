// Norwegian municipal election periods, named the way planning strategies name them: the
// council elected in September 2023 serves "2024–2027" (its first full year to its election year).
// Municipal elections are every four years (… 2019, 2023, 2027 …).

export type ElectionPeriod = { startYear: number; endYear: number };

const REFERENCE_START = 2024;

/** The election period a calendar year belongs to. */
export function electionPeriodOf(year: number): ElectionPeriod {
  const offset = (((year - REFERENCE_START) % 4) + 4) % 4;
  return { startYear: year - offset, endYear: year - offset + 3 };
}

/** Every election period that overlaps the years `fromYear`–`toYear`, in order. */
export function electionPeriodsBetween(fromYear: number, toYear: number): ElectionPeriod[] {
  const out: ElectionPeriod[] = [];
  for (let p = electionPeriodOf(fromYear); p.startYear <= toYear; p = electionPeriodOf(p.endYear + 1)) out.push(p);
  return out;
}

/** "2024–2027". */
export const periodLabel = (p: ElectionPeriod): string => `${p.startYear}–${p.endYear}`;
