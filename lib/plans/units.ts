// The responsible units the filters offer: distinct in SQL (GROUP BY on an indexed column), not
// every plan's row fetched and de-duplicated in the app.
import type { Prisma, PrismaClient } from "../generated/prisma/client";

/** Units of the plans matching `where`, alphabetically. */
export async function planUnits(client: Pick<PrismaClient, "plan">, where: Prisma.PlanWhereInput = {}): Promise<string[]> {
  const rows = await client.plan.groupBy({ by: ["responsibleUnit"], where: { AND: [where, { responsibleUnit: { not: null } }] }, orderBy: { responsibleUnit: "asc" } });
  return rows.map((r) => r.responsibleUnit!);
}
