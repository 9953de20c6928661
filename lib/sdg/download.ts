// The whole per-plan SDG table as CSV: every filtered active plan, read from SQL in batches
// (keyset on title, id) and written as the client reads, so memory holds one batch at a time.
import "server-only";
import type { PlanType } from "../generated/prisma/enums";
import { csvResponse } from "../csv";
import { allPlanRows } from "./queries";
import type { SdgCoverageParams } from "./schema";

export type CoverageCsvLabels = { id: string; title: string; type: string; unit: string; goal: (code: number) => string; planType: (type: PlanType) => string };

/** The CSV response: id, title, type, unit and the number of targets per goal 1–17, one row per plan. */
export async function coverageCsvResponse(filename: string, p: SdgCoverageParams, labels: CoverageCsvLabels, batch = 500): Promise<Response> {
  const batches = allPlanRows(p, batch);
  // The first batch comes even when there are no plans: it carries the goals for the header.
  const first = await batches.next();
  const goals = first.done ? [] : first.value.goals;
  let pending = first.done ? [] : first.value.rows;
  const header = [labels.id, labels.title, labels.type, labels.unit, ...goals.map((g) => labels.goal(g.code))];
  return csvResponse(filename, header, async () => {
    let rows = pending;
    pending = [];
    if (rows.length === 0) {
      const next = await batches.next();
      rows = next.done ? [] : next.value.rows;
    }
    return rows.map(({ plan, counts }) => [plan.id, plan.title, labels.planType(plan.type), plan.responsibleUnit, ...counts]);
  });
}
