// The plan form's validation answers every field at once: a second save must not reveal errors
// the first one already had.
import { describe, expect, it } from "vitest";
import { planCreateSchema } from "../lib/plans/schema";

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
