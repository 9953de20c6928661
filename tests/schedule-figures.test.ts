// The overview's, the schedule's and the planprogram's figures against counts queried straight
// from the database with SQL written independently of the app's code. Each comparison reads one
// snapshot (REPEATABLE READ), so tests running in parallel cannot shift the counts in between.
import { describe, expect, it } from "vitest";
import { db } from "../lib/db";
import { Prisma } from "../lib/generated/prisma/client";
import { getOverview } from "../lib/overview";
import { periodCompletion } from "../lib/periods/completion";
import { adoptionDeadline } from "../lib/periods/deadlines";
import { scheduleParamsSchema } from "../lib/schedule/params";
import { listSchedule } from "../lib/schedule/queries";
import { summarizeSchedule } from "../lib/schedule/summary";
import { createPlan, unique } from "./support/factories";
import { createUser } from "./support/users";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const snapshot = <T>(fn: (tx: Prisma.TransactionClient) => Promise<T>) => db.$transaction(fn, { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead });
const count = async (tx: Prisma.TransactionClient, sql: Prisma.Sql) => Number((await tx.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM plans p WHERE p.archived_at IS NULL AND p.status NOT IN ('opphevet', 'erstattet') AND ${sql}`)[0]!.n);

describe("overview figures equal the database's counts", () => {
  it.each(["2026-11-26", "2027-12-31", "2028-01-01", "2028-02-29"])("as of %s", async (iso) => {
    const today = d(iso);
    const owner = await createUser("editor");
    // Plans around the day's boundaries, and some that must not count.
    for (const due of ["2022-12-31", "2024-01-01", "2026-11-25", "2026-11-26", "2026-12-31", "2027-01-01", "2027-12-31", "2028-01-01", "2028-02-29", "2031-12-31", null]) {
      await createPlan({ revisionDueOn: due ? d(due) : null, ownerId: due === "2027-01-01" ? null : owner.id });
    }
    await createPlan({ revisionDueOn: d("2020-01-01"), status: "opphevet" });
    await createPlan({ revisionDueOn: d("2020-01-01"), archivedAt: new Date() });

    const { page, sql } = await snapshot(async (tx) => {
      const page = await getOverview(today, tx);
      const year = today.getUTCFullYear();
      // Election periods run 2024–2027, 2028–2031, …: the period's last year in SQL, by hand.
      const periodFirst = Prisma.sql`(${year}::int - ((${year}::int - 2024) % 4 + 4) % 4)`;
      const periodStart = Prisma.sql`make_date(${periodFirst}, 1, 1)`;
      const periodEnd = Prisma.sql`make_date(${periodFirst} + 3, 12, 31)`;
      const sql = {
        overdue: await count(tx, Prisma.sql`p.revision_due_on < ${iso}::date`),
        dueThisYear: await count(tx, Prisma.sql`p.revision_due_on BETWEEN ${iso}::date AND make_date(${year}::int, 12, 31)`),
        dueThisPeriod: await count(tx, Prisma.sql`p.revision_due_on BETWEEN ${periodStart} AND ${periodEnd}`),
        dueSoon: await count(tx, Prisma.sql`p.revision_due_on >= ${iso}::date AND p.revision_due_on < (${iso}::date + interval '12 months')::date`),
        withoutOwner: await count(tx, Prisma.sql`p.owner_id IS NULL`),
        withoutDueDate: await count(tx, Prisma.sql`p.revision_due_on IS NULL`),
        total: await count(tx, Prisma.sql`true`),
        next: (await tx.$queryRaw<{ due: Date }[]>`SELECT revision_due_on AS due FROM plans WHERE archived_at IS NULL AND status NOT IN ('opphevet', 'erstattet') AND revision_due_on >= ${iso}::date ORDER BY revision_due_on LIMIT 10`).map((r) => r.due),
      };
      return { page, sql };
    });
    const { summary: figures, nextDeadlines } = page;
    expect(figures).toMatchObject({ overdue: sql.overdue, dueThisYear: sql.dueThisYear, dueThisPeriod: sql.dueThisPeriod, dueSoon: sql.dueSoon, withoutOwner: sql.withoutOwner, withoutDueDate: sql.withoutDueDate, total: sql.total });
    expect(nextDeadlines.map((p) => p.revisionDueOn)).toEqual(sql.next);
  });
});

// The boundaries, on plans of one unit only (other tests add plans at the same time).
describe("overview summary in SQL", () => {
  const plansOf = async (dues: (string | null)[], withoutOwner: string[] = []) => {
    const unit = unique("Oversiktsenhet");
    const owner = await createUser("editor");
    let i = 0;
    for (const due of dues) await createPlan({ title: `${unit} P${String(i++).padStart(2, "0")}`, responsibleUnit: unit, revisionDueOn: due ? d(due) : null, ownerId: due !== null && withoutOwner.includes(due) ? null : owner.id });
    return unit;
  };

  it("counts overdue, this year (not yet overdue), this period (overdue included), missing owners and dates around 26 November 2026", async () => {
    const unit = await plansOf(["2022-12-31", "2026-11-25", "2026-11-26", "2026-12-31", "2027-01-01", "2027-12-31", "2024-01-01", "2023-12-31", "2028-01-01", null], ["2026-12-31"]);
    await createPlan({ responsibleUnit: unit, revisionDueOn: null, ownerId: null });
    const { summary, nextDeadlines } = await summarizeSchedule(db, d("2026-11-26"), unit);
    expect(summary).toMatchObject({ overdue: 4, dueThisYear: 2, dueThisPeriod: 6, dueSoon: 3, withoutOwner: 2, withoutDueDate: 2, total: 11, period: { startYear: 2024, endYear: 2027 } });
    expect(nextDeadlines.map((p) => p.revisionDueOn)).toEqual([d("2026-11-26"), d("2026-12-31"), d("2027-01-01"), d("2027-12-31"), d("2028-01-01")]);
  });
  it("starts a new year and a new period on 1 January", async () => {
    const unit = await plansOf(["2027-12-31", "2028-01-01", "2028-06-01"]);
    expect((await summarizeSchedule(db, d("2027-12-31"), unit)).summary).toMatchObject({ overdue: 0, dueThisYear: 1, dueThisPeriod: 1 });
    expect((await summarizeSchedule(db, d("2028-01-01"), unit)).summary).toMatchObject({ overdue: 1, dueThisYear: 2, dueThisPeriod: 2, period: { startYear: 2028 } });
  });
  it("lists at most ten deadlines, earliest first, ties by title", async () => {
    const unit = await plansOf(Array.from({ length: 14 }, (_, i) => `2027-0${(i % 9) + 1}-01`));
    const { nextDeadlines } = await summarizeSchedule(db, d("2026-11-26"), unit);
    expect(nextDeadlines).toHaveLength(10);
    expect(nextDeadlines[0]!.title).toBe(`${unit} P00`);
    expect(nextDeadlines[1]!.title).toBe(`${unit} P09`);
  });
  it("is all zero for no plans", async () => {
    expect(await summarizeSchedule(db, d("2026-11-26"), unique("Tom enhet"))).toMatchObject({ summary: { overdue: 0, dueThisYear: 0, dueThisPeriod: 0, total: 0 }, nextDeadlines: [] });
  });
});

describe("schedule list equals the database's rows", () => {
  it("for filters on type, unit, SDG goal, election period and due state", async () => {
    const unit = unique("Enhet");
    const a = await createPlan({ type: "strategi", responsibleUnit: unit, revisionDueOn: d("2025-06-01"), targets: { create: [{ targetCode: "6.1" }] } });
    const b = await createPlan({ type: "temaplan", responsibleUnit: unit, revisionDueOn: d("2098-06-01"), targets: { create: [{ targetCode: "6.2" }] } });
    await createPlan({ type: "strategi", responsibleUnit: unit, revisionDueOn: d("2025-06-01"), status: "erstattet" });
    const ids = async (raw: Record<string, string>) => (await listSchedule(scheduleParamsSchema.parse({ unit, group: "none", ...raw }))).plans.map((p) => p.id);
    expect(await ids({})).toEqual([a.id, b.id]);
    // Grouped by type, in the register's type order (temaplan before strategi).
    expect(await ids({ group: "type" })).toEqual([b.id, a.id]);
    expect(await ids({ type: "strategi" })).toEqual([a.id]);
    expect(await ids({ period: "2096" })).toEqual([b.id]);
    expect(await ids({ due: "overdue" })).toEqual([a.id]);
    expect(await ids({ due: "later" })).toEqual([b.id]);
    expect(await ids({ period: "2025" })).toEqual([a.id]);
    expect(await ids({ goal: "6" })).toEqual([a.id, b.id]);

    const { page, sqlCount } = await snapshot(async (tx) => ({
      page: await listSchedule(scheduleParamsSchema.parse({ goal: "6", period: "2024" }), tx),
      sqlCount: await count(tx, Prisma.sql`p.revision_due_on BETWEEN '2024-01-01' AND '2027-12-31' AND EXISTS (SELECT 1 FROM plan_targets pt JOIN sdg_targets t ON t.code = pt.target_code WHERE pt.plan_id = p.id AND t.goal_code = 6)`),
    }));
    expect(page.plans.length).toBe(sqlCount);
    expect(page.total).toBe(sqlCount);
  });

  it("is read a page at a time: at 200 plans a page of 10 holds 10, the group sizes and the axis cover all 200", async () => {
    const unit = unique("Sideenhet");
    const types = ["temaplan", "strategi", "handlingsplan", "kommunedelplan"] as const;
    await db.plan.createMany({
      data: Array.from({ length: 200 }, (_, i) => ({
        title: `${unit} plan ${i}`, type: types[i % 4]!, status: "vedtatt" as const, responsibleUnit: unit,
        adoptedOn: d(`${2000 + (i % 20)}-01-01`), adoptedBy: "kommunestyret" as const, revisionDueOn: i % 10 === 0 ? null : d(`${2020 + (i % 15)}-06-01`),
      })),
    });
    const seen = new Set<number>();
    let pages = 0;
    for (let page = 1; page <= 20; page++) {
      const result = await listSchedule(scheduleParamsSchema.parse({ unit, size: "10", page: String(page) }));
      expect(result.plans).toHaveLength(10);
      expect(result.total).toBe(200);
      pages = result.pages;
      expect([...result.groupSizes.values()].reduce((a, b) => a + b, 0)).toBe(200);
      expect(Object.fromEntries(result.groupSizes)).toEqual({ temaplan: 50, strategi: 50, handlingsplan: 50, kommunedelplan: 50 });
      expect(result.span.map((s) => [s.adoptedOn?.getUTCFullYear(), s.revisionDueOn?.getUTCFullYear()])).toEqual([[2000, 2034], [2019, 2020]]);
      for (const p of result.plans) seen.add(p.id);
    }
    expect(pages).toBe(20);
    expect(seen.size).toBe(200);
    // A page past the end shows the last page; a malformed size is ignored (the default page size).
    expect((await listSchedule(scheduleParamsSchema.parse({ unit, size: "10", page: "999" }))).page).toBe(20);
    expect((await listSchedule(scheduleParamsSchema.parse({ unit, size: "1000000" }))).plans).toHaveLength(50);
  });
});

describe("planprogram figures equal the database's counts", () => {
  it("completion per decision kind and the adoption deadline", async () => {
    const period = await db.strategyPeriod.create({ data: { name: unique("Planstrategi"), startYear: 2024, endYear: 2027, councilConstitutedOn: d("2024-02-29"), adoptedOn: d("2024-06-20"), adoptedBy: "kommunestyret" } });
    const decide = async (decision: "new" | "revise" | "continue" | "repeal", plan: Partial<Prisma.PlanUncheckedCreateInput>) => {
      const p = await createPlan(plan);
      await db.strategyDecision.create({ data: { periodId: period.id, planId: p.id, decision } });
    };
    await decide("new", { status: "vedtatt", adoptedOn: d("2025-03-01"), adoptedBy: "kommunestyret" });
    await decide("new", { status: "planlagt" });
    await decide("revise", { status: "vedtatt", adoptedOn: d("2024-06-20"), adoptedBy: "kommunestyret" });
    await decide("revise", { status: "vedtatt", adoptedOn: d("2019-01-01"), adoptedBy: "kommunestyret" });
    // Revised as a new plan that replaces the old one, adopted in the period.
    const old = await createPlan({ status: "erstattet", adoptedOn: d("2012-01-01"), adoptedBy: "kommunestyret" });
    await db.strategyDecision.create({ data: { periodId: period.id, planId: old.id, decision: "revise" } });
    const successor = await createPlan({ status: "vedtatt", adoptedOn: d("2026-02-01"), adoptedBy: "kommunestyret" });
    await db.planRelation.create({ data: { fromPlanId: successor.id, toPlanId: old.id, kind: "replaces" } });
    await decide("repeal", { status: "opphevet" });
    await decide("repeal", { status: "vedtatt", adoptedOn: d("2010-01-01"), adoptedBy: "kommunestyret" });
    await decide("continue", { status: "vedtatt", adoptedOn: d("2016-01-01"), adoptedBy: "kommunestyret" });

    const rates = await periodCompletion(period, d("2028-01-01"));
    const rows = await db.$queryRaw<{ decision: string; total: bigint; done: bigint }[]>`
      SELECT d.decision::text AS decision, count(*) AS total,
        count(*) FILTER (WHERE CASE d.decision
          WHEN 'repeal' THEN p.status IN ('opphevet', 'erstattet')
          WHEN 'continue' THEN p.status NOT IN ('opphevet', 'erstattet')
          WHEN 'revise' THEN p.adopted_on BETWEEN coalesce(s.adopted_on, make_date(s.start_year, 1, 1)) AND make_date(s.end_year, 12, 31)
            OR (p.status = 'erstattet' AND EXISTS (SELECT 1 FROM plan_relations r JOIN plans n ON n.id = r.from_plan_id
              WHERE r.to_plan_id = p.id AND r.kind = 'replaces' AND n.adopted_on BETWEEN coalesce(s.adopted_on, make_date(s.start_year, 1, 1)) AND make_date(s.end_year, 12, 31)))
          ELSE p.adopted_on BETWEEN coalesce(s.adopted_on, make_date(s.start_year, 1, 1)) AND make_date(s.end_year, 12, 31) END) AS done
      FROM strategy_decisions d JOIN plans p ON p.id = d.plan_id JOIN strategy_periods s ON s.id = d.period_id
      WHERE d.period_id = ${period.id} GROUP BY d.decision`;
    for (const row of rows) {
      const kind = row.decision as "new" | "revise" | "continue" | "repeal";
      expect(rates.byKind[kind], kind).toMatchObject({ total: Number(row.total), done: Number(row.done) });
    }
    expect(rates.overall).toMatchObject({ total: 7, done: 4, notDone: 3 });

    const [row] = await db.$queryRaw<{ deadline: Date }[]>`SELECT (council_constituted_on + interval '1 year')::date AS deadline FROM strategy_periods WHERE id = ${period.id}`;
    expect(adoptionDeadline(period.councilConstitutedOn!)).toEqual(row!.deadline);
  });
});
