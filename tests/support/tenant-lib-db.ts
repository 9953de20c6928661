// For test files that run lib/ code (which uses lib/db) against a database of their own with
// several tenants: `vi.mock("../lib/db", () => tenantLibDb(holder, prefix))`.
import { createPrismaClient, type PrismaClient } from "../../lib/prisma-client";
import { urlFromPgConfig } from "../../scripts/db/connection";
import { tenantDatabase, type TenantDatabase } from "./tenant-db";

export type TenantLibDb = { t?: TenantDatabase; db?: PrismaClient };

/** Makes the database, keeps it and its client in `holder`, and returns lib/db's mocked module. */
export async function tenantLibDb(holder: TenantLibDb, prefix: string): Promise<{ db: PrismaClient }> {
  holder.t = await tenantDatabase(prefix);
  holder.db = createPrismaClient(urlFromPgConfig(holder.t.config), { max: 2 });
  return { db: holder.db };
}

/** A second municipality in the database; its id. */
export async function addMunicipality(t: TenantDatabase, kommunenummer = "5026", name = "Holtålen kommune"): Promise<number> {
  const { rows } = await t.owner.query<{ id: number }>(`INSERT INTO tenants (kommunenummer, name, county_number, county_name) VALUES ($1, $2, '50', 'Trøndelag') RETURNING id`, [kommunenummer, name]);
  return rows[0]!.id;
}

/** Ends the client and drops the database. */
export async function closeTenantLibDb(holder: TenantLibDb): Promise<void> {
  await holder.db?.$disconnect();
  await holder.t?.close();
}
