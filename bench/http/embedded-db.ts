// An in-memory embedded database for the HTTP bench, in its own process: prepared, filled with
// `argv[2]` synthetic plans, its URL printed as one JSON line; SIGTERM discards it.
import { createFreshDatabase } from "../../scripts/db/fresh";
import { prepareDatabase } from "../../scripts/db/prepare";
import { urlFromPgConfig } from "../../scripts/db/connection";
import { seedSynthetic } from "../../scripts/db/synthetic";

const target = await createFreshDatabase("planregister_bench", "");
const started = Date.now();
await prepareDatabase(target, { demo: true });
const url = urlFromPgConfig(target.config);
const report = await seedSynthetic(url, { plans: Number(process.argv[2] ?? 2000) });
console.log(JSON.stringify({ url, report, seedMs: Date.now() - started }));

const stop = async () => {
  await target.close();
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
