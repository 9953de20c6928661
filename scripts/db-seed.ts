// npm run db:seed [-- --demo]: migrates, loads the SDG reference data and, with --demo, the
// Røros example data and demo users (once).
import { runCli } from "./cli";
import { deployMigrations } from "./db/migrations";
import { openTarget } from "./db/target";
import { urlFromPgConfig } from "./db/connection";
import { loadData } from "./db/load-data";

runCli(async () => {
  const target = await openTarget();
  try {
    await deployMigrations(target.config, target.shadow);
    const report = await loadData(urlFromPgConfig(target.config), { demo: process.argv.includes("--demo") });
    console.log(report);
  } finally {
    await target.close();
  }
});
