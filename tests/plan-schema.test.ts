// The plan form's validation answers every field at once: a second save must not reveal errors
// the first one already had.
import { describe, expect, it } from "vitest";
import { planCreateSchema } from "../lib/plans/schema";
import { periodCreateSchema } from "../lib/periods/schema";
import { formatDateInput, parseDateInput } from "../lib/date-input";
import { executeAction, type Translate } from "../lib/action-core";

const paths = (raw: Record<string, unknown>) => {
  const result = planCreateSchema.safeParse(raw);
  return result.success ? [] : [...new Set(result.error.issues.map((i) => i.path.join(".")))].sort();
};

describe("plan form validation", () => {
  it("a bad year and a javascript: link are reported in the same answer", () => {
    expect(paths({ title: "Kulturplan", type: "temaplan", status: "planlagt", periodFromYear: "tjue", documentLabel: ["Vedtak"], documentUrl: ["javascript:alert(1)"] })).toEqual(["documentUrl.0", "periodFromYear"]);
  });
  it("a related plan that is not an id is reported with the other fields' errors", () => {
    expect(paths({ title: "", type: "temaplan", status: "planlagt", relationKind: ["supports"], relationPlanId: ["drop table"] })).toEqual(["relationPlanId.0", "title"]);
  });
  it("a link without text and text without a link are still refused", () => {
    expect(paths({ title: "Kulturplan", type: "temaplan", status: "planlagt", documentLabel: ["", "Høring"], documentUrl: ["https://kommune.example/a.pdf", ""] })).toEqual(["documentLabel.0", "documentUrl.1"]);
  });
});

describe("date fields", () => {
  it("accept dd.mm.åååå, d.m.åååå and ISO, as the same calendar day", () => {
    for (const typed of ["16.06.2022", "16.6.2022", "16/6/2022", " 2022-06-16 ", "2022-6-16"]) expect(parseDateInput(typed)).toBe("2022-06-16");
    expect(parseDateInput("29.02.2024")).toBe("2024-02-29");
    expect(formatDateInput("2022-06-16")).toBe("16.06.2022");
    expect(formatDateInput("2023-13-01")).toBe("2023-13-01");
    expect(formatDateInput("30.02.2023")).toBe("30.02.2023");
  });
  it("refuse impossible and half-typed dates", () => {
    for (const typed of ["30.02.2023", "29.02.2023", "31/06", "31.06.2023", "2023-13-01", "2023-00-10", "16.06.22", "16.06", "1.1.1899", "1.1.2201", "16.06.2022x", "i går", "0.1.2022"]) {
      expect(parseDateInput(typed), typed).toBeNull();
    }
  });
  it("a plan's and a period's date that is not a date is a field error, never an empty date", () => {
    const plan = planCreateSchema.safeParse({ title: "Kulturplan", type: "temaplan", status: "planlagt", revisionDueOn: "30.02.2023", adoptedOn: "31/06" });
    expect(plan.success).toBe(false);
    expect(plan.error!.issues.map((i) => [i.path.join("."), i.message]).sort()).toEqual([["adoptedOn", "validation.date"], ["revisionDueOn", "validation.date"]]);
    const period = periodCreateSchema.safeParse({ name: "Planstrategi", startYear: "2023", endYear: "2027", councilConstitutedOn: "2023-13-01" });
    expect(period.error!.issues.map((i) => i.path.join("."))).toEqual(["councilConstitutedOn"]);
    const ok = planCreateSchema.parse({ title: "Kulturplan", type: "temaplan", status: "planlagt", revisionDueOn: "16.6.2022" });
    expect(ok.revisionDueOn?.toISOString()).toBe("2022-06-16T00:00:00.000Z");
  });
});

describe("plan form action", () => {
  it("answers a bad year, a javascript: link and a bad date in one round, with the typed values", async () => {
    const t: Translate = (key) => key;
    const raw = { title: "Kulturplan", type: "temaplan", status: "planlagt", periodFromYear: "tjue", revisionDueOn: "30.02.2023", documentLabel: "Vedtak", documentUrl: "javascript:alert(1)" };
    let ran = false;
    const result = await executeAction(planCreateSchema, raw, async () => { ran = true; return { ok: true, data: undefined }; }, t);
    expect(ran).toBe(false);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(["documentUrl.0", "periodFromYear", "revisionDueOn"]);
    expect(result.values).toMatchObject({ revisionDueOn: "30.02.2023", documentUrl: "javascript:alert(1)" });
  });
});
