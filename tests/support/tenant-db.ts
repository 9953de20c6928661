// A database of its own with two tenants, for the tenancy tests: a second tenant in the run's shared
// database would end "exactly one tenant" for every other test file (decision 045).
import pg from "pg";
import { createFreshDatabase } from "../../scripts/db/fresh";
import { deployMigrations } from "../../scripts/db/migrations";
import { APP_ROLE } from "../../lib/db-role";
import { inTenantTransaction } from "../../lib/tenant-sql";
import type { PgConfig } from "../../scripts/db/connection";

export type TenantDatabase = {
  config: PgConfig;
  embedded: boolean;
  /** A client of the owner (a superuser here): bypasses row-level security. */
  owner: pg.Client;
  /** A new client as the app role: its own login on a server; SET ROLE on the embedded database. */
  appClient: () => Promise<pg.Client>;
  close: () => Promise<void>;
};

export async function tenantDatabase(prefix: string): Promise<TenantDatabase> {
  const target = await createFreshDatabase(prefix);
  await deployMigrations(target.config, target.shadow);
  const owner = new pg.Client(target.config);
  await owner.connect();
  const clients: pg.Client[] = [];
  return {
    config: target.config,
    embedded: target.embedded,
    owner,
    appClient: async () => {
      const client = new pg.Client(target.embedded ? target.config : { ...target.config, user: APP_ROLE, password: undefined });
      await client.connect();
      if (target.embedded) await client.query(`SET ROLE ${APP_ROLE}`);
      clients.push(client);
      return client;
    },
    close: async () => {
      for (const c of clients) await c.end().catch(() => {});
      await owner.end();
      await target.close();
    },
  };
}

/** Runs `fn` in a transaction whose tenant is `tenantId` (as the app does), then commits. */
export const inTenant = <T>(client: pg.Client, tenantId: number, fn: () => Promise<T>) => inTenantTransaction(client, fn, tenantId);
