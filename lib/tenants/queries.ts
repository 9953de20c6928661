// The operator's reads: tenants and their host names are readable by the app role (the edge
// resolves hosts with them); only the platform's operator pages list them.
import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { db } from "../db";
import { parseId } from "../ids";
import { getTenant } from "../tenant";
import { requirePermission } from "../auth/guards";
import type { Prisma } from "../generated/prisma/client";

export const TENANTS_PAGE_SIZE = 25;

/** The signed-in operator on the platform's host; elsewhere the page does not exist. */
export async function requireOperator() {
  const user = await requirePermission("tenant.manage");
  if ((await getTenant()).kind !== "platform") notFound();
  return user;
}

/** One page of tenants matching `q` (name, kommunenummer or host name), by kind and name. */
export async function listTenants(q: string, page: number) {
  const where: Prisma.TenantWhereInput = q
    ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { kommunenummer: { startsWith: q } }, { hosts: { some: { host: { contains: q.toLowerCase() } } } }] }
    : {};
  const [total, tenants] = await Promise.all([
    db.tenant.count({ where }),
    db.tenant.findMany({
      where,
      orderBy: [{ kind: "asc" }, { name: "asc" }, { id: "asc" }],
      skip: (page - 1) * TENANTS_PAGE_SIZE,
      take: TENANTS_PAGE_SIZE,
      include: { hosts: { orderBy: { host: "asc" }, take: 20 } },
    }),
  ]);
  return { total, tenants };
}

/** The tenant of /operator/<rawId> with its host names (at most 20: the functions allow no more); 404 for any other id. */
export const getTenantDetail = cache(async (rawId: string) => {
  const id = parseId(rawId);
  const tenant = id === null ? null : await db.tenant.findFirst({ where: { id }, include: { hosts: { orderBy: { host: "asc" }, take: 20 } } });
  if (!tenant) notFound();
  return tenant;
});

/** The other tenants where the user's own e-mail has an active account (decision 056). */
export async function otherTenants(userId: number) {
  return db.$queryRaw<{ tenant_id: number; name: string; kind: string; host: string | null }[]>`SELECT tenant_id, name, kind, host FROM user_other_tenants(${userId}::int)`;
}
