// Test data with unique values, so tests can share the run's database and run in parallel.
import { randomUUID } from "node:crypto";
import { db } from "../../lib/db";
import type { Prisma } from "../../lib/generated/prisma/client";

export function unique(label: string): string {
  return `${label} ${randomUUID().slice(0, 8)}`;
}

export function createPlan(data: Partial<Prisma.PlanUncheckedCreateInput> = {}) {
  return db.plan.create({ data: { title: unique("Testplan"), type: "temaplan", ...data } });
}
