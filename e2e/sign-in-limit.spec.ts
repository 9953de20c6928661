// In the browser, the sign-in rate limit (429 from the HTTP edge) is a message next to the form,
// and the typed e-mail stays. An instance of its own with a limit of 2 posts a minute; the counts
// are shared by all instances in PostgreSQL, so the browser comes "through a proxy" from an
// address of its own, and the other specs' sign-ins are not limited.
import { expect, test } from "@playwright/test";
import { startOfRateWindowIfNeeded } from "./support/rate-window";
import { startExtraServer, type ExtraServer } from "./support/extra-server";

test.use({ extraHTTPHeaders: { "X-Forwarded-For": `198.51.100.77-${Date.now()}` } });

let server: ExtraServer;
test.beforeAll(async () => {
  server = await startExtraServer(Number(process.env.E2E_PORT ?? 3210) + 4, { SIGN_IN_RATE_LIMIT: "2", TRUSTED_PROXY_COUNT: "1" });
});
test.afterAll(async () => {
  await server?.stop();
});

test("the third sign-in within a minute is refused next to the form, with the e-mail kept", async ({ page }) => {
  await page.goto(`${server.url}/login`);
  test.setTimeout(120_000); // may wait up to a minute for a fresh rate-limit window
  await startOfRateWindowIfNeeded(60, 30);
  const email = `ingen-${Date.now()}@e2e.planregister.no`;
  for (let i = 0; i < 2; i++) {
    await page.getByLabel("E-postadresse").fill(email);
    await page.getByLabel("Passord").fill(`feil-passord-${i}`);
    await page.getByRole("button", { name: "Logg inn", exact: true }).click();
    await expect(page.getByText("Feil e-postadresse eller passord.")).toBeVisible();
  }
  await page.getByLabel("Passord").fill("feil-passord-3");
  await page.getByRole("button", { name: "Logg inn", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: /For mange innloggingsforsøk fra denne adressen\. Vent \d+ sekunder og prøv igjen\./ })).toBeVisible();
  await expect(page.getByLabel("E-postadresse")).toHaveValue(email);
});
