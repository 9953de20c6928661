// Which Chromium the e2e tests drive: CHROMIUM_PATH, else Playwright's own download if present,
// else the Debian/Ubuntu package's. Playwright cannot download browsers on machines without
// general internet access.
import fs from "node:fs";
import { chromium } from "@playwright/test";

export const SYSTEM_CHROMIUM_PATHS = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

/** The executable to launch, or undefined for Playwright's own browser. Throws one clear sentence if none exists. */
export function resolveChromium(
  env: Record<string, string | undefined> = process.env,
  playwrightOwn: string = chromium.executablePath(),
  systemPaths: string[] = SYSTEM_CHROMIUM_PATHS,
): string | undefined {
  if (env.CHROMIUM_PATH) {
    if (fs.existsSync(env.CHROMIUM_PATH)) return env.CHROMIUM_PATH;
    throw new Error(`CHROMIUM_PATH=${env.CHROMIUM_PATH} does not exist: install Chromium (apt-get install chromium) or fix CHROMIUM_PATH.`);
  }
  if (playwrightOwn && fs.existsSync(playwrightOwn)) return undefined;
  const system = systemPaths.find((p) => fs.existsSync(p));
  if (system) return system;
  throw new Error("Chromium was not found: install it (sudo apt-get install chromium) or set CHROMIUM_PATH to a Chromium executable.");
}
