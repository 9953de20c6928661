// One fresh database per test run (TEST_DATABASE_URL's server, or embedded in memory), migrated
// and loaded with the SDG reference data; dropped at the end.
import type { TestProject } from "vitest/node";
import { createFreshDatabase } from "../../scripts/db/fresh";
import { deployMigrations } from "../../scripts/db/migrations";
import { loadData } from "../../scripts/db/load-data";
import { urlFromPgConfig } from "../../scripts/db/connection";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    embedded: boolean;
  }
}

export default async function setup(project: TestProject) {
  const target = await createFreshDatabase("planregister_test");
  await deployMigrations(target.config, target.shadow);
  const url = urlFromPgConfig(target.config);
  await loadData(url, { demo: false });
  project.provide("databaseUrl", url);
  project.provide("embedded", target.embedded);
  return async () => {
    // Closing PGlite (Emscripten) resets process.exitCode, which would turn a failed run green.
    const exitCode = process.exitCode;
    await target.close();
    process.exitCode = exitCode;
  };
}
