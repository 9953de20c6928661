import { describe, expect, it } from "vitest";
import { listPlansPage, planListParamsSchema, PAGE_SIZE } from "../lib/plans/list";
import { createPlan, unique } from "./support/factories";
import { withQueryCount } from "./support/query-count";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const params = (raw: Record<string, unknown>) => planListParamsSchema.parse(raw);

describe("register list", () => {
  it("searches title, summary and case number, and combines filters", async () => {
    const marker = unique("Fjordsti").replace(" ", "");
    const a = await createPlan({ title: `${marker} kulturplan`, type: "temaplan", status: "planlagt", responsibleUnit: marker });
    const b = await createPlan({ title: unique("Annen"), summary: `Om ${marker} og mer`, type: "strategi", legallyRequired: true });
    const c = await createPlan({ title: unique("Tredje"), caseNumber: marker.slice(-12), type: "temaplan" });
    const ids = async (raw: Record<string, unknown>) => (await listPlansPage(params(raw))).plans.map((p) => p.id).sort();
    expect(await ids({ q: marker })).toEqual([a.id, b.id].sort());
    expect(await ids({ q: marker.slice(-12) })).toEqual(expect.arrayContaining([c.id]));
    expect(await ids({ q: marker, type: "strategi" })).toEqual([b.id]);
    expect(await ids({ q: marker, required: "yes" })).toEqual([b.id]);
    expect(await ids({ unit: marker })).toEqual([a.id]);
  });

  it("sorts the due states around today in Oslo", async () => {
    const unit = unique("Enhet");
    const now = new Date("2026-06-15T10:00:00Z");
    const overdue = await createPlan({ responsibleUnit: unit, revisionDueOn: d("2026-06-14") });
    const dueToday = await createPlan({ responsibleUnit: unit, revisionDueOn: d("2026-06-15") });
    const lastSoon = await createPlan({ responsibleUnit: unit, revisionDueOn: d("2027-06-14") });
    const later = await createPlan({ responsibleUnit: unit, revisionDueOn: d("2027-06-15") });
    const none = await createPlan({ responsibleUnit: unit });
    const ids = async (due: string) => (await listPlansPage(params({ unit, due }), undefined, now)).plans.map((p) => p.id).sort();
    expect(await ids("overdue")).toEqual([overdue.id]);
    expect(await ids("soon")).toEqual([dueToday.id, lastSoon.id].sort());
    expect(await ids("later")).toEqual([later.id]);
    expect(await ids("none")).toEqual([none.id]);
    // Repealed and replaced plans are not due for anything, as on the overview and the schedule.
    const repealed = await createPlan({ responsibleUnit: unit, revisionDueOn: d("2020-01-01"), status: "opphevet" });
    await createPlan({ responsibleUnit: unit, revisionDueOn: null, status: "erstattet" });
    expect(await ids("overdue")).toEqual([overdue.id]);
    expect(await ids("none")).toEqual([none.id]);
    expect((await listPlansPage(params({ unit }), undefined, now)).plans.map((p) => p.id)).toContain(repealed.id);
  });

  it("counts per status ignore the status filter; sorting puts empty dates last; pages hold 25", async () => {
    const unit = unique("Telling");
    for (let i = 0; i < PAGE_SIZE + 2; i++) await createPlan({ responsibleUnit: unit, status: i % 3 === 0 ? "under_utarbeidelse" : "planlagt", revisionDueOn: i === 0 ? null : d(`2030-01-${String((i % 28) + 1).padStart(2, "0")}`) });
    const page1 = await listPlansPage(params({ unit, status: "planlagt", sort: "revisionDueOn", dir: "desc" }));
    expect(page1.statusCounts).toEqual({ planlagt: 18, under_utarbeidelse: 9 });
    expect(page1.total).toBe(18);
    expect(page1.pages).toBe(1);
    const all = await listPlansPage(params({ unit, sort: "revisionDueOn" }));
    expect(all.plans).toHaveLength(PAGE_SIZE);
    expect(all.pages).toBe(2);
    const last = await listPlansPage(params({ unit, sort: "revisionDueOn", page: "2" }));
    expect(last.plans.at(-1)?.revisionDueOn).toBeNull();
  });

  it("malformed parameters are ignored, not errors", () => {
    expect(params({ type: ["temaplan", "bogus"], page: "-3", goal: "99", sort: "drop table", due: ["soon", "x"] })).toMatchObject({ type: ["temaplan"], page: undefined, goal: undefined, sort: undefined, due: "soon" });
  });

  it("a register page takes the same number of queries for 5 plans as for 50 (no N+1)", async () => {
    await withQueryCount(async (counting, counter) => {
      const unit = unique("Spørringer");
      const count = async () => {
        counter.reset();
        await listPlansPage(params({ unit }), counting);
        return counter.queries();
      };
      for (let i = 0; i < 5; i++) await createPlan({ responsibleUnit: unit, targets: { create: [{ targetCode: "3.4" }] } });
      const few = await count();
      for (let i = 0; i < 45; i++) await createPlan({ responsibleUnit: unit, targets: { create: [{ targetCode: "3.4" }] } });
      const many = await count();
      expect(few).toBe(many);
      expect(many).toBeLessThanOrEqual(6);
    });
  });
});
