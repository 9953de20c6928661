// Throwaway databases for test runs: a new database on TEST_DATABASE_URL's server, or a new
// in-memory embedded one. Each run starts from nothing, so no run depends on leftovers.
import { randomBytes } from "node:crypto";
import type pg from "pg";
import { createDatabase, dropDatabase, pgConfigFromUrl, withClient, withDatabase, type PgConfig } from "./connection";
import { startEmbedded } from "./embedded";
import { assertReachable, type DbTarget } from "./target";

const STALE_AFTER_MS = 6 * 60 * 60 * 1000;

// Names carry their creation time, so runs that were killed can be cleaned up by later ones.
function freshName(prefix: string): string {
  return `${prefix}_${Date.now()}_${randomBytes(3).toString("hex")}`;
}

async function staleDatabases(admin: pg.Client, prefix: string): Promise<string[]> {
  const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${prefix}\\_%`]);
  return rows.map((r) => r.datname).filter((name) => {
    const created = Number(name.slice(prefix.length + 1).split("_")[0]);
    return created && Date.now() - created > STALE_AFTER_MS;
  });
}

/** Creates an empty database; `close()` drops it (server) or discards it (embedded). */
export async function createFreshDatabase(prefix: string, serverUrl = process.env.TEST_DATABASE_URL): Promise<DbTarget> {
  if (!serverUrl) {
    const embedded = await startEmbedded();
    return { config: embedded.config, shadow: "embedded", embedded: true, close: embedded.stop };
  }
  const server = pgConfigFromUrl(serverUrl);
  await assertReachable(server);
  const name = freshName(prefix);
  for (const stale of await withClient(server, (admin) => staleDatabases(admin, prefix))) await dropDatabase(server, stale);
  await createDatabase(server, name);
  const config: PgConfig = withDatabase(server, name);
  return { config, shadow: "create-database", embedded: false, close: async () => void (await dropDatabase(server, name)) };
}
