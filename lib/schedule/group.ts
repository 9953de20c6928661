// Grouping of schedule rows by plan type (in the register's type order) or responsible unit
// (alphabetical, plans without a unit last). Keeps the rows' order within each group.
import { planTypes } from "../plans/schema";
import type { ScheduleGrouping } from "./params";

type Row = { type: (typeof planTypes)[number]; responsibleUnit: string | null };
export type Group<T> = { key: string; kind: "type" | "unit" | "none"; rows: T[] };

/** Rows in groups; one group holding everything when `by` is "none". */
export function groupSchedule<T extends Row>(rows: readonly T[], by: ScheduleGrouping): Group<T>[] {
  if (by === "none") return rows.length ? [{ key: "", kind: "none", rows: [...rows] }] : [];
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = by === "type" ? row.type : (row.responsibleUnit ?? "");
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const keys = [...groups.keys()].sort((a, b) =>
    by === "type" ? planTypes.indexOf(a as T["type"]) - planTypes.indexOf(b as T["type"]) : a === "" ? 1 : b === "" ? -1 : a.localeCompare(b, "nb"),
  );
  return keys.map((key) => ({ key, kind: by, rows: groups.get(key)! }));
}
