import { describe, expect, it } from "vitest";
import { dedupeKey, isoWeek, quarter, reminderStep } from "../lib/mail/schedule";
import { readUnsubscribeToken, unsubscribeToken } from "../lib/mail/unsubscribe-token";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("reminder steps", () => {
  it("only the latest step that applies: a plan created three weeks before its date gets the 1-month reminder", () => {
    expect(reminderStep(d("2027-05-25"), d("2027-06-15"), [6, 1])).toBe("lead:1");
    expect(reminderStep(d("2026-12-14"), d("2027-06-15"), [6, 1])).toBeNull();
    expect(reminderStep(d("2026-12-15"), d("2027-06-15"), [1, 6])).toBe("lead:6");
  });

  it("month ends clamp: due 31 March, one month before is 28 February; overdue steps count whole months", () => {
    expect(reminderStep(d("2027-02-27"), d("2027-03-31"), [1])).toBeNull();
    expect(reminderStep(d("2027-02-28"), d("2027-03-31"), [1])).toBe("lead:1");
    expect(reminderStep(d("2027-03-31"), d("2027-03-31"), [1])).toBe("due");
    expect(reminderStep(d("2027-04-29"), d("2027-03-31"), [1])).toBe("due");
    expect(reminderStep(d("2027-04-30"), d("2027-03-31"), [1])).toBe("overdue:1");
    expect(reminderStep(d("2029-03-31"), d("2027-03-31"), [1])).toBe("overdue:24");
  });

  it("weeks and quarters in ISO terms", () => {
    expect(isoWeek(d("2027-01-01"))).toEqual({ label: "2026-W53", monday: d("2026-12-28") });
    expect(isoWeek(d("2029-01-08")).label).toBe("2029-W02");
    expect(quarter(d("2027-12-31"))).toEqual({ label: "2027-Q4", start: d("2027-10-01") });
    expect(dedupeKey({ kind: "owner_reminder", recipientId: 3, step: "due", planId: 7, dueOn: d("2027-03-31") })).toBe("owner_reminder:7:3:2027-03-31:due");
  });
});

describe("unsubscribe tokens", () => {
  it("name the user and kind, and refuse anything not signed with the secret", () => {
    const token = unsubscribeToken(42, "weekly_digest");
    expect(readUnsubscribeToken(token)).toEqual({ userId: 42, kind: "weekly_digest" });
    expect(readUnsubscribeToken(token.replace("42.", "43."))).toBeNull();
    expect(readUnsubscribeToken(token.replace("weekly_digest", "owner_reminder"))).toBeNull();
    expect(readUnsubscribeToken(`${token}\u0000`)).toBeNull();
    expect(readUnsubscribeToken("x".repeat(10_000))).toBeNull();
  });
});
