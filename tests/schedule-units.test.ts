// The schedule's and the deadlines' computations, with the date edge cases: due today, leap
// days, missing dates, year ends and the Europe/Oslo calendar day.
import { describe, expect, it } from "vitest";
import { addMonths, daysBetween, todayInOslo } from "../lib/dates";
import { dueState, daysUntilDue } from "../lib/schedule/due";
import { electionPeriodOf, electionPeriodsBetween } from "../lib/schedule/election";
import { timelineAxis, timelineBar } from "../lib/schedule/timeline";
import { adoptionDeadline, adoptionState, draftState } from "../lib/periods/deadlines";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("today in Europe/Oslo", () => {
  it("is already the next day in Oslo late in the UTC evening (winter, UTC+1)", () => {
    expect(todayInOslo(new Date("2026-12-31T23:30:00Z"))).toEqual(d("2027-01-01"));
    expect(todayInOslo(new Date("2026-12-31T22:59:59Z"))).toEqual(d("2026-12-31"));
  });
  it("follows summer time (UTC+2)", () => {
    expect(todayInOslo(new Date("2026-06-30T21:59:59Z"))).toEqual(d("2026-06-30"));
    expect(todayInOslo(new Date("2026-06-30T22:00:00Z"))).toEqual(d("2026-07-01"));
  });
  it("counts whole days across the change to summer time", () => {
    expect(daysBetween(d("2026-03-28"), d("2026-03-30"))).toBe(2);
  });
});

describe("due state", () => {
  const today = d("2026-11-26");
  it("is not overdue on the due day itself, and overdue the day after", () => {
    expect(dueState(d("2026-11-26"), today)).toBe("soon");
    expect(daysUntilDue(d("2026-11-26"), today)).toBe(0);
    expect(dueState(d("2026-11-25"), today)).toBe("overdue");
    expect(daysUntilDue(d("2026-11-25"), today)).toBe(-1);
  });
  it("is soon up to the day before the same date next year", () => {
    expect(dueState(d("2027-11-25"), today)).toBe("soon");
    expect(dueState(d("2027-11-26"), today)).toBe("later");
  });
  it("is none without a date", () => {
    expect(dueState(null, today)).toBe("none");
    expect(daysUntilDue(null, today)).toBeNull();
  });
  it("handles a leap day: soon ends on the 28 February a year later", () => {
    expect(addMonths(d("2028-02-29"), 12)).toEqual(d("2029-02-28"));
    expect(dueState(d("2029-02-27"), d("2028-02-29"))).toBe("soon");
    expect(dueState(d("2029-02-28"), d("2028-02-29"))).toBe("later");
  });
  it("counts 366 days through a leap year", () => {
    expect(daysUntilDue(d("2029-01-01"), d("2028-01-01"))).toBe(366);
  });
});

describe("election periods", () => {
  it.each([[2019, 2016], [2020, 2020], [2023, 2020], [2024, 2024], [2026, 2024], [2027, 2024], [2028, 2028], [1999, 1996]])("year %i belongs to the period starting %i", (year, start) => {
    expect(electionPeriodOf(year)).toEqual({ startYear: start, endYear: start + 3 });
  });
  it("lists the periods overlapping a span of years", () => {
    expect(electionPeriodsBetween(2015, 2025).map((p) => p.startYear)).toEqual([2012, 2016, 2020, 2024]);
  });
});

describe("timeline geometry", () => {
  const today = d("2026-11-26");
  it("spans the earliest adoption to the latest due date and always the current period", () => {
    const axis = timelineAxis([{ adoptedOn: d("2018-09-27"), revisionDueOn: d("2022-12-31") }], today);
    expect([axis.fromYear, axis.toYear]).toEqual([2016, 2027]);
    expect(axis.periods.map((p) => [p.startYear, p.start, p.end])).toEqual([[2016, 0, expect.any(Number)], [2020, expect.any(Number), expect.any(Number)], [2024, expect.any(Number), 1]]);
    expect(axis.years[0]).toEqual({ year: 2016, at: 0 });
    expect(axis.today).toBeGreaterThan(0.9);
    expect(axis.today).toBeLessThan(0.95);
  });
  it("places a bar from adoption to due date and cuts what falls outside the axis", () => {
    const axis = timelineAxis([], today);
    expect([axis.fromYear, axis.toYear]).toEqual([2024, 2027]);
    // 2024 is a leap year: 366 of the axis' 1461 days come before 2025.
    const bar = timelineBar({ adoptedOn: d("2025-01-01"), revisionDueOn: d("2027-01-01") }, axis, today);
    expect(bar).toMatchObject({ span: { start: 366 / 1461, end: 1096 / 1461 }, due: 1096 / 1461, cutStart: false, cutEnd: false });
    expect(timelineBar({ adoptedOn: d("1990-01-01"), revisionDueOn: d("2040-01-01") }, axis, today)).toMatchObject({ span: { start: 0, end: 1 }, cutStart: true, cutEnd: true });
  });
  it("limits the axis to twelve years either side of today, widened to whole election periods", () => {
    const axis = timelineAxis([{ adoptedOn: d("1980-01-01"), revisionDueOn: d("2090-01-01") }], today);
    expect([axis.fromYear, axis.toYear]).toEqual([2012, 2039]);
  });
  it("draws a due-only plan as a point and an undated plan not at all", () => {
    const axis = timelineAxis([], today);
    const bar = timelineBar({ adoptedOn: null, revisionDueOn: d("2026-01-01") }, axis, today);
    expect(bar.span!.start).toBe(bar.span!.end);
    expect(bar.due).toBe(731 / 1461);
    expect(timelineBar({ adoptedOn: null, revisionDueOn: null }, axis, today)).toEqual({ span: null, due: null, cutStart: false, cutEnd: false });
  });
});

describe("legal deadlines of a planning strategy (pbl. § 10-1)", () => {
  const constituted = d("2023-10-19");
  it("adoption is due one year after the council was constituted", () => {
    expect(adoptionDeadline(constituted)).toEqual(d("2024-10-19"));
    expect(adoptionDeadline(d("2024-02-29"))).toEqual(d("2025-02-28"));
  });
  it("is met on the deadline day and missed the day after", () => {
    expect(adoptionState({ councilConstitutedOn: constituted, draftPublishedOn: null, adoptedOn: d("2024-10-19") }, d("2026-01-01"))).toMatchObject({ kind: "met", daysToSpare: 0 });
    expect(adoptionState({ councilConstitutedOn: constituted, draftPublishedOn: null, adoptedOn: d("2024-10-20") }, d("2026-01-01"))).toMatchObject({ kind: "missed", daysLate: 1 });
  });
  it("counts the days left, and the days overdue once passed", () => {
    const open = { councilConstitutedOn: constituted, draftPublishedOn: null, adoptedOn: null };
    expect(adoptionState(open, d("2024-10-19"))).toMatchObject({ kind: "open", daysLeft: 0 });
    expect(adoptionState(open, d("2023-12-31"))).toMatchObject({ kind: "open", daysLeft: 293 });
    expect(adoptionState(open, d("2024-11-18"))).toMatchObject({ kind: "overdue", daysOverdue: 30 });
  });
  it("cannot judge without the constitution date", () => {
    expect(adoptionState({ councilConstitutedOn: null, draftPublishedOn: null, adoptedOn: d("2020-12-10") }, d("2026-01-01"))).toEqual({ kind: "unknown", deadline: null });
    expect(draftState({ councilConstitutedOn: null, draftPublishedOn: null, adoptedOn: null }, d("2026-01-01"))).toEqual({ kind: "unknown", deadline: null });
  });
  it("wants the draft public 30 days before the meeting, across a year end", () => {
    const adopted = { councilConstitutedOn: d("2019-10-24"), adoptedOn: d("2020-12-10") };
    expect(draftState({ ...adopted, draftPublishedOn: d("2020-11-10") }, d("2026-01-01"))).toMatchObject({ kind: "met", deadline: d("2020-11-10"), daysToSpare: 0 });
    expect(draftState({ ...adopted, draftPublishedOn: d("2020-11-11") }, d("2026-01-01"))).toMatchObject({ kind: "missed", daysLate: 1 });
    expect(draftState({ councilConstitutedOn: d("2020-01-20"), adoptedOn: d("2021-01-15"), draftPublishedOn: d("2020-12-16") }, d("2026-01-01"))).toMatchObject({ kind: "met", deadline: d("2020-12-16") });
  });
  it("before adoption, the draft's latest day is 30 days before the adoption deadline", () => {
    expect(draftState({ councilConstitutedOn: constituted, draftPublishedOn: null, adoptedOn: null }, d("2024-09-01"))).toMatchObject({ kind: "open", deadline: d("2024-09-19"), daysLeft: 18 });
  });
  it("a published draft before the meeting says when the council may treat it, and never flips from missed to met", () => {
    const published = { councilConstitutedOn: constituted, draftPublishedOn: d("2024-09-25"), adoptedOn: null };
    expect(draftState(published, d("2024-09-30"))).toEqual({ kind: "published", deadline: d("2024-09-19"), doneOn: d("2024-09-25"), earliestMeeting: d("2024-10-25") });
    expect(draftState({ ...published, adoptedOn: d("2024-10-25") }, d("2024-11-01"))).toMatchObject({ kind: "met", daysToSpare: 0 });
    expect(draftState({ ...published, adoptedOn: d("2024-10-24") }, d("2024-11-01"))).toMatchObject({ kind: "missed", daysLate: 1 });
  });
  it("cannot judge the draft of an adopted strategy without its publication date", () => {
    expect(draftState({ councilConstitutedOn: constituted, draftPublishedOn: null, adoptedOn: d("2024-06-01") }, d("2026-01-01"))).toMatchObject({ kind: "unknown" });
  });
});
