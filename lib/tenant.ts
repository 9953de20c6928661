// The request's tenant (municipality), read the way getCurrentUser() reads the user (decision 046).
import "server-only";
import { cache } from "react";
import { db } from "./db";
import type { PrismaClient } from "./generated/prisma/client";

export type Tenant = { id: number; kind: "municipality" | "county" | "platform"; kommunenummer: string | null; name: string; countyNumber: string; countyName: string };

/**
 * The tenant this request, job or script works for: the one the edge resolved from the host name
 * (or withTenant() outside requests) — the same one every query of it is filtered by.
 */
export const getTenant = cache(async (client: PrismaClient = db): Promise<Tenant> => {
  const rows = await client.$queryRaw<Tenant[]>`
    SELECT id, kind::text AS kind, kommunenummer, name, county_number AS "countyNumber", county_name AS "countyName" FROM tenants WHERE id = app_current_tenant()`;
  if (!rows[0]) throw new Error("The tenant of this request is not in the database.");
  return rows[0];
});
