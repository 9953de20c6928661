// Everything a database needs before the app serves from it: migrations, reference data and,
// when asked, the example data.
import { deployMigrations } from "./migrations";
import { loadData } from "./load-data";
import { urlFromPgConfig, withClient } from "./connection";
import { APP_ROLE } from "../../lib/db-role";
import type { DbTarget } from "./target";

/** Migrates and loads data; returns the lines to print. */
export async function prepareDatabase(target: DbTarget, options: { demo: boolean }): Promise<string[]> {
  const applied = await deployMigrations(target.config, target.shadow);
  // The app logs in as the app role with the owner's password unless DATABASE_APP_URL names its own (decision 045).
  if (!target.embedded && target.config.password && !process.env.DATABASE_APP_URL) {
    await withClient(target.config, (c) => c.query(`ALTER ROLE ${APP_ROLE} PASSWORD ${c.escapeLiteral(String(target.config.password))}`));
  }
  const report = await loadData(urlFromPgConfig(target.config), options);
  return [applied.length ? `Applied ${applied.length} migration(s).` : "Database schema is up to date.", report];
}
