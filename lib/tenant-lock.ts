// Advisory locks for rules that hold within one municipality (e.g. no cycle of "replaces"): keyed
// by the transaction's tenant too, so one municipality's import or save never waits for another's.
import type { Prisma } from "./generated/prisma/client";

/** Takes the transaction-level advisory lock `name` of the transaction's tenant (decision 045), held until COMMIT or ROLLBACK. */
export async function lockInTenant(tx: Prisma.TransactionClient, name: string): Promise<void> {
  // The two-key form: (name, tenant). A transaction without a tenant sees no rows; 0 still locks
  // (pg_advisory_xact_lock is strict: a NULL key would silently take no lock at all).
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${name}), coalesce(app_current_tenant(), 0))`;
}
