// The planprogram's completion, counted in SQL (lib/periods/completion.ts): the date edges of
// decision 010, agreement with the rules written as plain code (tests/support/completion-reference.ts)
// on a varied set of decisions, and a page of the program that stays small while its counts cover all.
import { describe, expect, it } from "vitest";
import { db } from "../lib/db";
import type { Prisma } from "../lib/generated/prisma/client";
import type { PlanStatus, StrategyDecisionKind } from "../lib/generated/prisma/enums";
import { decisionKinds, periodCompletion, type CompletionPeriod } from "../lib/periods/completion";
import { programParamsSchema } from "../lib/periods/params";
import { getProgramPage, programRows } from "../lib/periods/queries";
import { completion as referenceCompletion, decisionOutcome as referenceOutcome } from "./support/completion-reference";
import { createPlan, unique } from "./support/factories";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

function createPeriod(data: Partial<Prisma.StrategyPeriodUncheckedCreateInput> = {}) {
  return db.strategyPeriod.create({ data: { name: unique("Planstrategi"), startYear: 2020, endYear: 2023, adoptedOn: d("2020-12-10"), ...data } });
}

/** A plan (adopted on `adoptedOn`, with `status`), replaced by plans adopted on `replacedBy`, and the period's decision about it. */
async function decide(periodId: number, decision: StrategyDecisionKind, adoptedOn: string | null, status: PlanStatus = "vedtatt", options: { replacedBy?: (string | null)[]; archived?: boolean } = {}) {
  const plan = await createPlan({ status, adoptedOn: adoptedOn ? d(adoptedOn) : null, adoptedBy: adoptedOn ? "kommunestyret" : null, archivedAt: options.archived ? new Date() : null });
  for (const day of options.replacedBy ?? []) {
    const successor = await createPlan({ status: day ? "vedtatt" : "planlagt", adoptedOn: day ? d(day) : null, adoptedBy: day ? "kommunestyret" : null });
    await db.planRelation.create({ data: { fromPlanId: successor.id, toPlanId: plan.id, kind: "replaces" } });
  }
  return (await db.strategyDecision.create({ data: { periodId, planId: plan.id, decision } })).id;
}

async function outcomeOf(period: CompletionPeriod, decisionId: number, today: Date) {
  return (await programRows(period, today, 0, 200)).find((r) => r.id === decisionId)?.outcome;
}

describe("completion in SQL follows decision 010", () => {
  const after = d("2026-11-26");
  const during = d("2022-06-01");

  it("a revision counts when the plan was adopted again after the strategy and by the end of the period", async () => {
    const period = await createPeriod();
    const cases = [["2020-12-10", "done"], ["2023-12-31", "done"], ["2020-12-09", "notDone"], ["2024-01-01", "notDone"]] as const;
    for (const [adopted, outcome] of cases) expect(await outcomeOf(period, await decide(period.id, "revise", adopted), after), adopted).toBe(outcome);
    expect(await outcomeOf(period, await decide(period.id, "revise", "2018-09-27"), during)).toBe("pending");
    expect(await outcomeOf(period, await decide(period.id, "revise", "2018-09-27"), d("2023-12-31"))).toBe("pending");
  });
  it("a revision made as a new plan counts when the replacing plan was adopted in the window", async () => {
    const period = await createPeriod();
    expect(await outcomeOf(period, await decide(period.id, "revise", "2012-01-01", "erstattet", { replacedBy: ["2022-03-01"] }), after)).toBe("done");
    expect(await outcomeOf(period, await decide(period.id, "revise", "2012-01-01", "erstattet", { replacedBy: ["2025-03-01", null] }), after)).toBe("notDone");
    expect(await outcomeOf(period, await decide(period.id, "revise", "2012-01-01", "erstattet", { replacedBy: ["2025-03-01", "2021-01-01"] }), after)).toBe("done");
    // Only a plan marked as replaced: a "replaces" relation alone does not carry out the revision.
    expect(await outcomeOf(period, await decide(period.id, "revise", "2012-01-01", "vedtatt", { replacedBy: ["2022-03-01"] }), after)).toBe("notDone");
  });
  it("a new plan counts when adopted in the window; without a strategy adoption date the window starts with the period", async () => {
    const period = await createPeriod();
    const unadopted = await decide(period.id, "new", null, "planlagt");
    expect(await outcomeOf(period, unadopted, after)).toBe("notDone");
    expect(await outcomeOf(period, unadopted, during)).toBe("pending");
    const early = await createPeriod({ adoptedOn: null });
    expect(await outcomeOf(early, await decide(early.id, "new", "2020-01-01"), after)).toBe("done");
    expect(await outcomeOf(early, await decide(early.id, "new", "2019-12-31"), after)).toBe("notDone");
  });
  it("a repeal counts when the plan is repealed or replaced; continue while the plan is in force; archived plans do not count", async () => {
    const period = await createPeriod();
    expect(await outcomeOf(period, await decide(period.id, "repeal", "2010-01-01", "opphevet"), after)).toBe("done");
    expect(await outcomeOf(period, await decide(period.id, "repeal", "2010-01-01", "erstattet"), after)).toBe("done");
    expect(await outcomeOf(period, await decide(period.id, "repeal", "2010-01-01"), after)).toBe("notDone");
    expect(await outcomeOf(period, await decide(period.id, "continue", "2010-01-01"), after)).toBe("done");
    expect(await outcomeOf(period, await decide(period.id, "continue", "2010-01-01", "opphevet"), after)).toBe("notDone");
    expect(await outcomeOf(period, await decide(period.id, "new", "2021-01-01", "vedtatt", { archived: true }), after)).toBeUndefined();
  });
  it("rates per kind and overall, leaving continue out of the overall rate; no rate without decisions", async () => {
    const period = await createPeriod();
    await decide(period.id, "new", "2021-05-01");
    await decide(period.id, "new", null, "planlagt");
    await decide(period.id, "revise", "2022-01-01");
    await decide(period.id, "repeal", "2000-01-01");
    await decide(period.id, "continue", "2015-01-01");
    const c = await periodCompletion(period, after);
    expect(c.byKind.new).toEqual({ total: 2, done: 1, pending: 0, notDone: 1, rate: 0.5 });
    expect(c.byKind.revise.rate).toBe(1);
    expect(c.byKind.repeal.rate).toBe(0);
    expect(c.byKind.continue).toEqual({ total: 1, done: 1, pending: 0, notDone: 0, rate: 1 });
    expect(c.overall).toEqual({ total: 4, done: 2, pending: 0, notDone: 2, rate: 0.5 });
    const empty = await createPeriod();
    expect((await periodCompletion(empty, after)).overall).toEqual({ total: 0, done: 0, pending: 0, notDone: 0, rate: null });
    expect((await periodCompletion(empty, after)).byKind.new.rate).toBeNull();
  });
});

describe("completion in SQL equals the rules as plain code", () => {
  it("on decisions of every kind and state, as of days during, at the end of and after the period", async () => {
    const statuses: PlanStatus[] = ["planlagt", "under_utarbeidelse", "vedtatt", "under_revisjon", "opphevet", "erstattet"];
    const adoptions = [null, "2019-06-01", "2021-01-01", "2024-02-01"];
    const replacements: (string | null)[][] = [[], ["2022-03-01"], ["2019-01-01", null]];
    for (const adoptedOn of [d("2020-12-10"), null]) {
      const period = await createPeriod({ adoptedOn });
      let i = 0;
      for (const decision of decisionKinds) {
        for (const status of statuses) {
          // Statuses in force need an adoption date; the others get one now and then.
          const adopted = status === "vedtatt" || status === "under_revisjon" ? (adoptions[1 + (i % 3)] ?? null) : (adoptions[i % 4] ?? null);
          await decide(period.id, decision, adopted, status, { replacedBy: replacements[i % 3], archived: i % 5 === 0 });
          i++;
        }
      }
      // The decisions as the rules read them: the plan, and the adoption dates of the plans replacing it.
      const decisions = await db.strategyDecision.findMany({
        where: { periodId: period.id },
        include: { plan: { select: { status: true, archivedAt: true, events: { select: { kind: true, on: true } }, relationsTo: { where: { kind: "replaces" }, select: { fromPlan: { select: { events: { select: { kind: true, on: true } } } } } } } } },
      });
      expect(decisions).toHaveLength(24);
      for (const today of [d("2020-06-01"), d("2022-06-01"), d("2023-12-31"), d("2024-01-01"), d("2030-01-01")]) {
        expect(await periodCompletion(period, today), String(today)).toEqual(referenceCompletion(decisions, period, today));
        const rows = await programRows(period, today, 0, 200);
        expect(rows.map((r) => [r.id, r.outcome]).sort()).toEqual(decisions.filter((x) => !x.plan.archivedAt).map((x) => [x.id, referenceOutcome(x, period, today)]).sort());
      }
    }
  });
});

describe("the planprogram a page at a time", () => {
  it("with 200 decisions and size=10 a page holds 10 rows, while the group counts and completion cover all 200", async () => {
    const period = await createPeriod({ startYear: 2024, endYear: 2027, adoptedOn: d("2024-06-20") });
    const plans = await db.plan.createManyAndReturn({
      data: Array.from({ length: 200 }, (_, i) => ({ title: unique(`Sideplan ${String(i).padStart(3, "0")}`), type: "temaplan" as const, status: i % 2 ? ("vedtatt" as const) : ("planlagt" as const), adoptedOn: i % 2 ? d("2025-01-01") : null, adoptedBy: i % 2 ? ("kommunestyret" as const) : null })),
      select: { id: true },
    });
    await db.strategyDecision.createMany({ data: plans.map((p, i) => ({ periodId: period.id, planId: p.id, decision: decisionKinds[i % 4]! })) });
    const today = d("2028-01-01");

    const first = await getProgramPage(period, programParamsSchema.parse({ size: "10" }), today);
    expect(first.rows).toHaveLength(10);
    expect(first).toMatchObject({ total: 200, page: 1, pages: 20, size: 10 });
    expect(first.rows.every((r) => r.decision === "new")).toBe(true);
    expect(decisionKinds.map((k) => first.completion.byKind[k].total)).toEqual([50, 50, 50, 50]);
    // Odd plans are adopted in the window: "new" and "revise" decisions (even i) fall on unadopted plans.
    expect(first.completion.byKind.new).toMatchObject({ done: 0, notDone: 50 });
    expect(first.completion.byKind.continue).toMatchObject({ done: 50 });
    expect(first.completion.overall).toMatchObject({ total: 150, done: 50, notDone: 100 });

    // Every page in order: all 200 decisions, each once, by kind then plan title.
    const all = [];
    for (let page = 1; page <= 20; page++) all.push(...(await getProgramPage(period, { page, size: 10 }, today)).rows);
    expect(new Set(all.map((r) => r.id)).size).toBe(200);
    expect(all.map((r) => r.decision)).toEqual(decisionKinds.flatMap((k) => Array<string>(50).fill(k)));
    const newTitles = all.filter((r) => r.decision === "new").map((r) => r.plan.title);
    expect(newTitles).toEqual([...newTitles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

    // Out of range or malformed: the last page, or the defaults.
    expect((await getProgramPage(period, programParamsSchema.parse({ size: "10", page: "999" }), today)).page).toBe(20);
    const defaults = await getProgramPage(period, programParamsSchema.parse({ size: "5", page: "x" }), today);
    expect(defaults).toMatchObject({ page: 1, size: 50, pages: 4 });
    expect(defaults.rows).toHaveLength(50);
  });
});

describe("completion survives later revisions (decision 032)", () => {
  it("a plan revised in 2021 and again in 2025 counts as carried out in both the 2020–2023 and the 2024–2027 periods", async () => {
    const first = await createPeriod();
    const second = await createPeriod({ startYear: 2024, endYear: 2027, adoptedOn: d("2024-06-20") });
    const plan = await createPlan({ status: "vedtatt", adoptedOn: d("2016-03-01"), adoptedBy: "kommunestyret" });
    const early = await db.strategyDecision.create({ data: { periodId: first.id, planId: plan.id, decision: "revise" } });
    const late = await db.strategyDecision.create({ data: { periodId: second.id, planId: plan.id, decision: "revise" } });
    await db.plan.update({ where: { id: plan.id }, data: { adoptedOn: d("2021-05-06") } });
    await db.plan.update({ where: { id: plan.id }, data: { adoptedOn: d("2025-09-18") } });
    const today = d("2028-01-01");
    expect(await outcomeOf(first, early.id, today)).toBe("done");
    expect(await outcomeOf(second, late.id, today)).toBe("done");
    // The plan's own date says only 2025: without the history the first period would say "not carried out".
    expect((await db.plan.findUniqueOrThrow({ where: { id: plan.id } })).adoptedOn).toEqual(d("2025-09-18"));
    expect((await db.planEvent.findMany({ where: { planId: plan.id }, orderBy: { on: "asc" } })).map((e) => [e.kind, e.on])).toEqual([
      ["adopted", d("2016-03-01")], ["adopted", d("2021-05-06")], ["adopted", d("2025-09-18")],
    ]);
  });

  it("a repeal is counted in the period it happened, not in an earlier one; undoing it removes it", async () => {
    const old = await createPeriod({ startYear: 2016, endYear: 2019, adoptedOn: d("2016-10-01") });
    const plan = await createPlan({ status: "vedtatt", adoptedOn: d("2010-01-01"), adoptedBy: "kommunestyret" });
    const decision = await db.strategyDecision.create({ data: { periodId: old.id, planId: plan.id, decision: "repeal" } });
    await db.plan.update({ where: { id: plan.id }, data: { status: "opphevet" } });
    // Repealed today (after 2019): not carried out for the 2016–2019 strategy.
    expect(await outcomeOf(old, decision.id, d("2030-01-01"))).toBe("notDone");
    const current = await createPeriod({ startYear: 2024, endYear: 2031, adoptedOn: d("2024-01-01") });
    const now = await db.strategyDecision.create({ data: { periodId: current.id, planId: plan.id, decision: "repeal" } });
    expect(await outcomeOf(current, now.id, d("2030-01-01"))).toBe("done");
    await db.plan.update({ where: { id: plan.id }, data: { status: "vedtatt" } });
    expect(await db.planEvent.count({ where: { planId: plan.id, kind: "ended" } })).toBe(0);
  });
});
