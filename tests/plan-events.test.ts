// The plans' history of adoptions and ends (decisions 032, 035) as the triggers keep it when one
// statement writes many plans, each plan with its own change: the same events as one write each.
import { describe, expect, it } from "vitest";
import { db } from "../lib/db";
import { unique } from "./support/factories";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function eventsOf(ids: number[]) {
  const events = await db.planEvent.findMany({ where: { planId: { in: ids } }, orderBy: [{ planId: "asc" }, { kind: "asc" }, { on: "asc" }] });
  return events.map((e) => [ids.indexOf(e.planId), e.kind, e.on?.toISOString().slice(0, 10) ?? null]);
}

describe("plan events from statements that write many plans", () => {
  it("one insert records each plan's adoption, and an end of unknown date for a plan created ended", async () => {
    const unit = unique("Hendelser");
    await db.plan.createMany({ data: [
      { title: `A ${unit}`, type: "temaplan", status: "vedtatt", adoptedOn: d("2020-03-01"), adoptedBy: "kommunestyret", responsibleUnit: unit },
      { title: `B ${unit}`, type: "temaplan", status: "opphevet", adoptedOn: d("2015-01-01"), responsibleUnit: unit },
      { title: `C ${unit}`, type: "temaplan", status: "planlagt", responsibleUnit: unit },
    ] });
    const ids = (await db.plan.findMany({ where: { responsibleUnit: unit }, orderBy: { title: "asc" }, select: { id: true } })).map((p) => p.id);
    expect(await eventsOf(ids)).toEqual([[0, "adopted", "2020-03-01"], [1, "adopted", "2015-01-01"], [1, "ended", null]]);
  });

  it("one update records new adoption dates and ends, removes an end undone, and records nothing twice", async () => {
    const unit = unique("Hendelser");
    const plan = (title: string, status: "vedtatt" | "erstattet", adoptedOn: string) =>
      db.plan.create({ data: { title: `${title} ${unit}`, type: "strategi", status, adoptedOn: d(adoptedOn), adoptedBy: "kommunestyret", responsibleUnit: unit } });
    const ids = [(await plan("A", "vedtatt", "2019-01-01")).id, (await plan("B", "vedtatt", "2019-01-01")).id, (await plan("C", "erstattet", "2019-01-01")).id, (await plan("D", "vedtatt", "2019-01-01")).id];
    const before = await eventsOf(ids);
    // A re-adopted, B ended, C brought back, D's adoption moved back to a date already recorded: one statement.
    await db.plan.update({ where: { id: ids[3]! }, data: { adoptedOn: d("2021-01-01") } });
    await db.$executeRaw`
      UPDATE plans SET adopted_on = CASE WHEN id = ${ids[0]} THEN date '2024-06-01' WHEN id = ${ids[3]} THEN date '2019-01-01' ELSE adopted_on END,
        status = CASE WHEN id = ${ids[1]} THEN 'opphevet'::"PlanStatus" WHEN id = ${ids[2]} THEN 'vedtatt'::"PlanStatus" ELSE status END
      WHERE responsible_unit = ${unit}`;
    const today = (await db.$queryRaw<{ d: string }[]>`SELECT to_char((now() AT TIME ZONE 'Europe/Oslo')::date, 'YYYY-MM-DD') AS d`)[0]!.d;
    expect(before).toEqual([[0, "adopted", "2019-01-01"], [1, "adopted", "2019-01-01"], [2, "adopted", "2019-01-01"], [2, "ended", null], [3, "adopted", "2019-01-01"]]);
    expect(await eventsOf(ids)).toEqual([
      [0, "adopted", "2019-01-01"], [0, "adopted", "2024-06-01"],
      [1, "adopted", "2019-01-01"], [1, "ended", today],
      [2, "adopted", "2019-01-01"],
      [3, "adopted", "2019-01-01"], [3, "adopted", "2021-01-01"],
    ]);
  });
});
