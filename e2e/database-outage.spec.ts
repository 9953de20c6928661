// A database that goes away or stalls, seen by one app instance through a TCP proxy the test
// controls: pages answer 503 within seconds, forms keep what was typed, and everything
// recovers by itself when the database is back.
import { expect, test } from "@playwright/test";
import { startDbProxy, type DbProxy } from "./support/db-proxy";
import { startExtraServer, type ExtraServer } from "./support/extra-server";
import { createE2eUser, E2E_PASSWORD, sessionCookieFor, SESSION_COOKIE } from "./support/db";
import { signInThroughForm } from "./fixtures";
import { readE2eState } from "./state";

test.describe.configure({ mode: "serial" });

let proxy: DbProxy;
let server: ExtraServer;

test.beforeAll(async () => {
  const database = new URL(readE2eState().databaseUrl);
  proxy = await startDbProxy(database.hostname, Number(database.port || 5432));
  database.host = `127.0.0.1:${proxy.port}`;
  server = await startExtraServer(Number(process.env.E2E_PORT ?? 3210) + 3, {
    DATABASE_URL: database.toString(),
    DATABASE_CONNECT_TIMEOUT_MS: "2000",
    DATABASE_STATEMENT_TIMEOUT_MS: "3000",
  });
});

test.afterAll(async () => {
  await server?.stop();
  await proxy?.close();
});

test.afterEach(async () => {
  await proxy.mode("pass");
});

test("a page answers 503 within seconds while the database is gone or stalled, and 200 once it is back", async ({ request }) => {
  const user = await createE2eUser("viewer");
  const headers = { cookie: `${SESSION_COOKIE}=${await sessionCookieFor(user)}` };
  expect((await request.get(`${server.url}/plans`, { headers })).status()).toBe(200);

  for (const mode of ["down", "stall"] as const) {
    await proxy.mode(mode);
    const started = Date.now();
    const page = await request.get(`${server.url}/plans`, { headers, timeout: 20_000 });
    expect(page.status(), mode).toBe(503);
    expect(Date.now() - started, mode).toBeLessThan(10_000);
    expect(page.headers()["retry-after"]).toBe("10");
    expect(await page.text()).toContain("Databasen svarer ikke");
    expect((await request.get(`${server.url}/api/health`)).status()).toBe(200);
    expect((await request.get(`${server.url}/api/health/ready`, { timeout: 20_000 })).status()).toBe(503);
  }

  await proxy.mode("pass");
  await expect.poll(async () => (await request.get(`${server.url}/plans`, { headers })).status(), { timeout: 15_000 }).toBe(200);
  expect((await request.get(`${server.url}/api/health/ready`)).status()).toBe(200);
});

test("saving while the database is gone keeps the form with what was typed; saving again once it is back works", async ({ page }) => {
  const editor = await createE2eUser("editor");
  await signInThroughForm(page, editor.email, E2E_PASSWORD, `${server.url}/login`);
  await expect(page).toHaveURL(`${server.url}/`, { timeout: 20_000 });
  await page.goto(`${server.url}/plans/new`);
  const title = `Beredskapsplan under brudd ${Date.now()}`;
  await page.getByLabel("Tittel", { exact: true }).fill(title);
  await page.getByLabel("Type", { exact: true }).selectOption("temaplan");
  await page.getByLabel("Ansvarlig enhet", { exact: true }).fill("Beredskap");

  await proxy.mode("down");
  await page.getByRole("button", { name: "Opprett planen" }).click();
  await expect(page.getByText("Databasen svarer ikke. Ingenting ble lagret.").first()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByLabel("Tittel", { exact: true })).toHaveValue(title);
  await expect(page.getByLabel("Ansvarlig enhet", { exact: true })).toHaveValue("Beredskap");

  await proxy.mode("pass");
  await page.getByRole("button", { name: "Opprett planen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible({ timeout: 15_000 });
});

test("the error page's retry button loads the page again once the database is back", async ({ page }) => {
  const viewer = await createE2eUser("viewer");
  await signInThroughForm(page, viewer.email, E2E_PASSWORD, `${server.url}/login`);
  await expect(page).toHaveURL(`${server.url}/`, { timeout: 20_000 });
  await proxy.mode("down");
  await page.getByRole("link", { name: "Revisjonsplan", exact: true }).first().click();
  await expect(page.getByRole("button", { name: "Prøv igjen" })).toBeVisible({ timeout: 15_000 });
  await proxy.mode("pass");
  // The pool may need one attempt to notice its connections were cut.
  await expect(async () => {
    await page.getByRole("button", { name: "Prøv igjen" }).click({ timeout: 2000 });
    await expect(page.getByRole("heading", { level: 1, name: "Revisjonsplan" })).toBeVisible({ timeout: 3000 });
  }).toPass({ timeout: 20_000 });
});
