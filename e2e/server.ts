// The app under test: a fresh database with the example data, and the production build.
// Started and stopped by Playwright (playwright.config.ts → webServer).
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { createFreshDatabase } from "../scripts/db/fresh";
import { prepareDatabase } from "../scripts/db/prepare";
import { urlFromPgConfig } from "../scripts/db/connection";
import { projectRoot } from "../scripts/db/schema-engine";

const port = process.env.E2E_PORT ?? "3210";
const target = await createFreshDatabase("planregister_e2e");
await prepareDatabase(target, { demo: true });

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const child = spawn(process.execPath, [nextBin, "start", "-p", port, "-H", "127.0.0.1"], {
  cwd: projectRoot,
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: urlFromPgConfig(target.config), DATABASE_POOL_MAX: "8", NEXT_TELEMETRY_DISABLED: "1" },
});

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  if (child.exitCode === null) {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  }
  await target.close();
  process.exit(code);
}
process.on("SIGTERM", () => void stop(0));
process.on("SIGINT", () => void stop(0));
child.on("exit", (code) => void stop(code ?? 1));
