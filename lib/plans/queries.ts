// Reads for the plan register. Pages call these; no Prisma calls in components.
import "server-only";
import { cache } from "react";
import { db } from "../db";

/** One plan with everything its page shows, or null (read once per request: metadata and page share it). */
export const getPlan = cache((id: number) => {
  return db.plan.findFirst({
    where: { id },
    include: {
      owner: { select: { id: true, name: true } },
      targets: {
        include: { target: { include: { goal: true } } },
        orderBy: [{ target: { goalCode: "asc" } }, { target: { sortOrder: "asc" } }],
      },
      relationsFrom: { include: { toPlan: { select: { id: true, title: true } } }, orderBy: { id: "asc" } },
      relationsTo: { include: { fromPlan: { select: { id: true, title: true } } }, orderBy: { id: "asc" } },
      documents: { orderBy: [{ sortOrder: "asc" }, { id: "asc" }] },
      strategyDecisions: { include: { period: true }, orderBy: { period: { startYear: "desc" } } },
    },
  });
});

export type PlanDetail = NonNullable<Awaited<ReturnType<typeof getPlan>>>;

/** Planning-strategy periods, newest first (for the decision form). */
export function listPeriods() {
  return db.strategyPeriod.findMany({ orderBy: [{ startYear: "desc" }, { id: "desc" }], select: { id: true, name: true } });
}
