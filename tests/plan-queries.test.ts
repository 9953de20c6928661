import { describe, expect, it } from "vitest";
import { db } from "../lib/db";
import { getPlan } from "../lib/plans/queries";
import { listPlansPage, planListParamsSchema } from "../lib/plans/list";
import { createPlan, unique } from "./support/factories";

describe("plan queries", () => {
  it("the register lists active plans and leaves archived ones out", async () => {
    // Its own search word: other tests add "Testplan …" plans meanwhile, which would shift the pages.
    const word = unique("Arkivsøk").replace(/\s+/g, "");
    const active = await createPlan({ title: `${word} aktiv` });
    const archived = await createPlan({ title: `${word} arkivert`, archivedAt: new Date() });
    const search = (extra: Record<string, string> = {}) => listPlansPage(planListParamsSchema.parse({ q: word, ...extra }));
    const all = async (extra: Record<string, string> = {}) => {
      const ids: number[] = [];
      const first = await search(extra);
      for (let page = 1; page <= first.pages; page++) ids.push(...(await search({ ...extra, page: String(page) })).plans.map((p) => p.id));
      return ids;
    };
    expect(await all()).toContain(active.id);
    expect(await all()).not.toContain(archived.id);
    expect(await all({ archived: "1" })).toContain(archived.id);
  });

  it("a plan's page gets relations in both directions, its targets in UN order and its decisions", async () => {
    const plan = await createPlan({ targets: { create: [{ targetCode: "11.b" }, { targetCode: "3.4" }, { targetCode: "11.2" }] } });
    const includes = await createPlan();
    const replacedBy = await createPlan();
    await db.planRelation.createMany({
      data: [
        { fromPlanId: plan.id, toPlanId: includes.id, kind: "includes" },
        { fromPlanId: replacedBy.id, toPlanId: plan.id, kind: "replaces" },
      ],
    });
    const period = await db.strategyPeriod.create({ data: { name: `Planstrategi test ${plan.id}`, startYear: 2024, endYear: 2027 } });
    await db.strategyDecision.create({ data: { periodId: period.id, planId: plan.id, decision: "revise", targetYear: 2026 } });

    const detail = await getPlan(plan.id);
    expect(detail?.targets.map((t) => t.target.code)).toEqual(["3.4", "11.2", "11.b"]);
    expect(detail?.relationsFrom.map((r) => [r.kind, r.toPlan.id])).toEqual([["includes", includes.id]]);
    expect(detail?.relationsTo.map((r) => [r.kind, r.fromPlan.id])).toEqual([["replaces", replacedBy.id]]);
    expect(detail?.strategyDecisions.map((d) => [d.period.name, d.decision, d.targetYear])).toEqual([[period.name, "revise", 2026]]);
  });

  it("an unknown plan id gives null", async () => {
    expect(await getPlan(2_000_000_000)).toBeNull();
  });
});
