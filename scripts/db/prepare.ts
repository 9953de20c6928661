// Everything a database needs before the app serves from it: migrations, reference data and,
// when asked, the example data.
import { deployMigrations } from "./migrations";
import { loadData } from "./load-data";
import { urlFromPgConfig, withClient } from "./connection";
import { APP_ROLE, appRoleName, appRoleRefusal, type Env } from "../../lib/db-role";
import { UserFacingError, type DbTarget } from "./target";

/** Migrates and loads data; returns the lines to print. */
export async function prepareDatabase(target: DbTarget, options: { demo: boolean }): Promise<string[]> {
  const applied = await deployMigrations(target.config, target.shadow);
  // The app logs in as the app role with the owner's password unless DATABASE_APP_URL names its own (decision 045).
  if (!target.embedded && target.config.password && !process.env.DATABASE_APP_URL) {
    await withClient(target.config, (c) => c.query(`ALTER ROLE ${APP_ROLE} PASSWORD ${c.escapeLiteral(String(target.config.password))}`));
  }
  await assertAppRoleHeld(target);
  const report = await loadData(urlFromPgConfig(target.config), options);
  return [applied.length ? `Applied ${applied.length} migration(s).` : "Database schema is up to date.", report];
}

/** Refuses to start when row-level security would not hold the role the app connects as (decision 045). */
export async function assertAppRoleHeld(target: Pick<DbTarget, "config">, env: Env = process.env): Promise<void> {
  const refusal = await withClient(target.config, (c) => appRoleRefusal(c, appRoleName(urlFromPgConfig(target.config), env)));
  if (refusal) throw new UserFacingError(refusal);
}
