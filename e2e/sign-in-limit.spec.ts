// In the browser, the sign-in rate limit (counted by the sign-in action) is a message next to the form,
// and the typed e-mail stays. An instance of its own with a limit of 2 posts a minute; the counts
// are shared by all instances in PostgreSQL, so the browser comes "through a proxy" from an
// address of its own, and the other specs' sign-ins are not limited.
import { expect, test } from "@playwright/test";
import { startOfRateWindowIfNeeded } from "./support/rate-window";
import { startExtraServer, type ExtraServer } from "./support/extra-server";
import { builtActions } from "./support/build-manifest";
import { callAction, resultCode } from "./support/actions";
import { e2eDb } from "./support/db";

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

test("the sign-in action is counted whatever page it is posted to, before any audit row", async ({ request }) => {
  test.setTimeout(120_000);
  await startOfRateWindowIfNeeded(60, 30);
  const signIn = builtActions().find((a) => a.name === "signInAction")!;
  const from = `198.51.100.78-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  const codes: (string | undefined)[] = [];
  for (const path of ["/", "/plans", "/set-password/x", "/unsubscribe/x", "/", "/login"]) {
    const answer = await callAction(request, signIn, "state", { email: `flood-${Date.now()}@e2e.planregister.no`, password: "feil-passord" }, { baseUrl: server.url, path, forwardedFor: from });
    const body = await answer.text();
    codes.push(answer.status() === 429 ? "429" : resultCode(body));
    if (codes.length > 2) expect(body, path).toContain("For mange innloggingsforsøk fra denne adressen");
  }
  expect(codes).toEqual(["unauthorized", "unauthorized", "throttled", "throttled", "throttled", "throttled"]);
  const audited = await e2eDb().auditEvent.count({ where: { type: { startsWith: "auth.sign_in" }, after: { path: ["ip"], equals: from } } });
  expect(audited).toBe(2);
});
