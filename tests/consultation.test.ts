// Consultation stages (issue 21): the rules with the clock as a parameter, and the plan form's
// answers to impossible periods.
import { describe, expect, it } from "vitest";
import { consultationDeadlinePassed, consultationEndsWithin, consultationState, latestConsultation } from "../lib/plans/consultation";
import { planCreateSchema } from "../lib/plans/schema";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const none = { consultationFrom: null, consultationTo: null, consultationUrl: null, consultation2From: null, consultation2To: null, consultation2Url: null };
const first = { ...none, consultationFrom: d("2027-01-10"), consultationTo: d("2027-02-21"), consultationUrl: "https://kommune.no/horing" };

const errorsOf = (raw: Record<string, unknown>) => {
  const result = planCreateSchema.safeParse({ title: "Kommunedelplan for sentrum", type: "kommunedelplan", status: "under_utarbeidelse", ...raw });
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("consultation state", () => {
  it("is upcoming before the first day, open on the first and the last day, ended the day after", () => {
    const round = latestConsultation(first)!;
    expect(consultationState(round, d("2027-01-09"))).toBe("upcoming");
    expect(consultationState(round, d("2027-01-10"))).toBe("open");
    expect(consultationState(round, d("2027-02-21"))).toBe("open");
    expect(consultationState(round, d("2027-02-22"))).toBe("ended");
  });

  it("counts the second consultation once there is one", () => {
    const both = { ...first, consultation2From: d("2027-05-01"), consultation2To: d("2027-06-12"), consultation2Url: null };
    expect(latestConsultation(both)).toMatchObject({ round: 2, to: d("2027-06-12") });
    expect(latestConsultation(none)).toBeNull();
  });

  it("høringsfrist utløpt: ended and not adopted since; not for an adopted, repealed or never-consulted plan", () => {
    const after = d("2027-03-01");
    expect(consultationDeadlinePassed({ ...first, status: "pa_horing", adoptedOn: null }, after)).toBe(true);
    expect(consultationDeadlinePassed({ ...first, status: "pa_horing", adoptedOn: null }, d("2027-02-21"))).toBe(false);
    expect(consultationDeadlinePassed({ ...first, status: "vedtatt", adoptedOn: d("2027-02-28") }, after)).toBe(false);
    // A plan in force under revision whose new consultation has ended is still waiting.
    expect(consultationDeadlinePassed({ ...first, status: "under_revisjon", adoptedOn: d("2015-06-01") }, after)).toBe(true);
    expect(consultationDeadlinePassed({ ...first, status: "opphevet", adoptedOn: null }, after)).toBe(false);
    expect(consultationDeadlinePassed({ ...none, status: "pa_horing", adoptedOn: null }, after)).toBe(false);
  });

  it("ends within 30 days: open today and the deadline at most 30 days ahead", () => {
    expect(consultationEndsWithin(first, d("2027-01-22"))).toBe(true); // 30 days before
    expect(consultationEndsWithin(first, d("2027-01-21"))).toBe(false); // 31 days before
    expect(consultationEndsWithin(first, d("2027-02-22"))).toBe(false); // ended
    expect(consultationEndsWithin(first, d("2027-01-05"))).toBe(false); // not yet open
  });
});

describe("plan form: consultation periods", () => {
  it("a consultation that ends before it starts is refused at the deadline field", () => {
    expect(errorsOf({ consultationFrom: "21.02.2027", consultationTo: "10.01.2027" })).toEqual({ consultationTo: "validation.consultationOrder" });
  });

  it("comes in the same answer as a malformed plan id and a missing title", () => {
    expect(errorsOf({ title: "", nationalPlanId: "201701", consultationFrom: "21.02.2027", consultationTo: "10.01.2027" }))
      .toEqual({ title: expect.any(String), nationalPlanId: "validation.nationalPlanId", consultationTo: "validation.consultationOrder" });
  });

  it("a consultation open more than a year warns until the user confirms it", () => {
    const long = { consultationFrom: "10.01.2027", consultationTo: "11.01.2028" };
    expect(errorsOf(long)).toEqual({ consultationTo: "validation.consultationLong" });
    expect(errorsOf({ ...long, confirmLongConsultation: "on" })).toEqual({});
    expect(errorsOf({ consultationFrom: "10.01.2027", consultationTo: "10.01.2028" })).toEqual({});
  });

  it("half a period, a second round before the first ends, and på høring without a period are refused", () => {
    expect(errorsOf({ consultationFrom: "10.01.2027" })).toEqual({ consultationTo: "validation.consultationNeedsEnd" });
    expect(errorsOf({ consultationTo: "10.01.2027" })).toEqual({ consultationFrom: "validation.consultationNeedsStart" });
    expect(errorsOf({ consultationFrom: "10.01.2027", consultationTo: "21.02.2027", consultation2From: "21.02.2027", consultation2To: "01.04.2027" }))
      .toEqual({ consultation2From: "validation.consultationSecondAfterFirst" });
    expect(errorsOf({ status: "pa_horing" })).toEqual({ consultationFrom: "validation.consultationNeededForStatus" });
    expect(errorsOf({ startNoticeOn: "01.02.2027", consultationFrom: "10.01.2027", consultationTo: "21.02.2027" })).toEqual({ startNoticeOn: "validation.startNoticeAfterConsultation" });
  });

  it("a javascript: link to the consultation documents is refused", () => {
    expect(errorsOf({ consultationFrom: "10.01.2027", consultationTo: "21.02.2027", consultationUrl: "javascript:alert(1)" })).toEqual({ consultationUrl: "validation.url" });
  });
});
