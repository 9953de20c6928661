// Runs `prisma generate` offline. Generate never executes the native schema engine, but it
// tries to download one unless PRISMA_SCHEMA_ENGINE_BINARY names an existing executable; the
// Node binary itself is always there. Never set that variable for `prisma migrate` (it then
// silently does nothing) — migrations go through scripts/db-migrate.ts instead.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
let prismaCli;
try {
  prismaCli = require.resolve("prisma/build/index.js");
} catch {
  console.error("prisma is not installed yet; run `npm install` first.");
  process.exit(1);
}
const result = spawnSync(process.execPath, [prismaCli, "generate"], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
});
process.exit(result.status ?? 1);
