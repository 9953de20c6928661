// Everything a database needs before the app serves from it: migrations, reference data and,
// when asked, the example data.
import { deployMigrations } from "./migrations";
import { loadData } from "./load-data";
import { urlFromPgConfig } from "./connection";
import type { DbTarget } from "./target";

/** Migrates and loads data; returns the lines to print. */
export async function prepareDatabase(target: DbTarget, options: { demo: boolean }): Promise<string[]> {
  const applied = await deployMigrations(target.config, target.shadow);
  const report = await loadData(urlFromPgConfig(target.config), options);
  return [applied.length ? `Applied ${applied.length} migration(s).` : "Database schema is up to date.", report];
}
