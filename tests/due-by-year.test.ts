// The overview's due-per-year chart counts every active plan in its year under its status: the
// figures against counts queried straight from the database, in one snapshot (REPEATABLE READ).
import { describe, expect, it } from "vitest";
import { db } from "../lib/db";
import { Prisma } from "../lib/generated/prisma/client";
import { endedStatuses } from "../lib/plans/active";
import { planStatuses } from "../lib/plans/schema";
import { dueByYear, dueChartStatuses } from "../lib/schedule/due-by-year";
import { createPlan } from "./support/factories";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("the due-per-year chart", () => {
  it("has a bar for every status of an active plan, på høring included", () => {
    const active = planStatuses.filter((s) => !(endedStatuses as readonly string[]).includes(s));
    expect([...dueChartStatuses].sort()).toEqual([...active].sort());
  });

  it("counts a plan på høring in its year; each year's statuses add up to its total", async () => {
    const today = d("2026-11-26");
    await createPlan({ status: "pa_horing", consultationFrom: d("2026-11-01"), consultationTo: d("2026-12-20"), revisionDueOn: d("2031-06-01") });
    await createPlan({ status: "vedtatt", adoptedOn: d("2023-01-01"), adoptedBy: "kommunestyret", revisionDueOn: d("2031-03-01") });
    const { chart, sql } = await db.$transaction(async (tx) => ({
      chart: await dueByYear(tx, today),
      sql: await tx.$queryRaw<{ status: string; n: bigint }[]>`
        SELECT status::text AS status, count(*) AS n FROM plans
        WHERE archived_at IS NULL AND status NOT IN ('opphevet', 'erstattet') AND extract(year FROM revision_due_on) = 2031 GROUP BY 1`,
    }), { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead });
    const year = chart.years.find((y) => y.year === 2031)!;
    const expected = Object.fromEntries(dueChartStatuses.map((s) => [s, Number(sql.find((r) => r.status === s)?.n ?? 0)]));
    expect(year.counts).toEqual(expected);
    expect(year.counts.pa_horing).toBeGreaterThanOrEqual(1);
    for (const y of chart.years) expect(Object.values(y.counts).reduce((a, b) => a + b, 0), String(y.year)).toBe(y.total);
    expect(chart.years.reduce((n, y) => n + y.total, 0)).toBe(chart.total);
  });
});
