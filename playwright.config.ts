import { defineConfig, devices } from "@playwright/test";
import { resolveChromium } from "./e2e/chromium";

const port = Number(process.env.E2E_PORT ?? 3210);
function chromiumOrExit(): string | undefined {
  try {
    return resolveChromium();
  } catch (error) {
    // One sentence, no stack trace: the fix is an install, not a code change.
    console.error(`\n✖ ${(error as Error).message}`);
    process.exit(1);
  }
}

const executablePath = chromiumOrExit();

const exampleDataSpecs = /(example-data|sdg|county)\.spec\.ts/;

const browser = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath,
    // No background traffic: this machine reaches only package registries.
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  },
};

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: "nb-NO",
    timezoneId: "Europe/Oslo",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  // Specs asserting the example data's figures run first, before other specs add plans.
  projects: [
    { name: "example-data", testMatch: exampleDataSpecs, use: browser },
    { name: "chromium", testIgnore: exampleDataSpecs, dependencies: ["example-data"], use: browser },
  ],
  webServer: {
    command: "node --import tsx e2e/server.ts",
    url: `http://localhost:${port}/login`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    env: { E2E_PORT: String(port) },
  },
});
