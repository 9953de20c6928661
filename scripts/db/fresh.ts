// Throwaway databases for test runs: a new database on TEST_DATABASE_URL's server, or a new
// in-memory embedded one. Each run starts from nothing, so no run depends on leftovers.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { pgConfigFromUrl, withDatabase, type PgConfig } from "./connection";
import { startEmbedded } from "./embedded";
import { assertReachable, type DbTarget } from "./target";

const STALE_AFTER_MS = 6 * 60 * 60 * 1000;

// Names carry their creation time, so runs that were killed can be cleaned up by later ones.
function freshName(prefix: string): string {
  return `${prefix}_${Date.now()}_${randomBytes(3).toString("hex")}`;
}

async function dropStale(admin: pg.Client, prefix: string): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${prefix}\\_%`]);
  for (const { datname } of rows) {
    const created = Number(datname.slice(prefix.length + 1).split("_")[0]);
    if (created && Date.now() - created > STALE_AFTER_MS) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
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
  const admin = new pg.Client(server);
  await admin.connect();
  try {
    await dropStale(admin, prefix);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const config: PgConfig = withDatabase(server, name);
  return {
    config,
    shadow: "create-database",
    embedded: false,
    close: async () => {
      const dropper = new pg.Client(server);
      await dropper.connect();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    },
  };
}
