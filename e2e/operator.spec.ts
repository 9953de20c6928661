// The platform operator on drift.localhost (decisions 052, 055, 056): creating a municipality with
// its host and first admin, whose one-time link works on that host only; host names; sessions that
// do not cross hosts; next-auth's origin per host; "your other municipalities" on /account.
// Chromium resolves *.localhost to loopback; Node's fetch may not, so raw requests use node:http
// with a Host header.
import http from "node:http";
import pg from "pg";
import { expect, expectAccessible, signInThroughForm, test } from "./fixtures";
import { createPrismaClient } from "../lib/prisma-client";
import { createSessionRow, encodeSessionToken } from "../lib/auth/session-token";
import { hashPassword } from "../lib/auth/password";
import { createE2eUser, E2E_PASSWORD, sessionCookieFor, SESSION_COOKIE } from "./support/db";
import { readE2eState } from "./state";
import { PLATFORM_HOST } from "../prisma/seed/platform";

test.slow();

const port = () => new URL(readE2eState().baseUrl).port;
const on = (host: string, path = "/") => `http://${host}:${port()}${path}`;
const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function platformId(): Promise<number> {
  const client = new pg.Client({ connectionString: readE2eState().databaseUrl });
  await client.connect();
  try {
    return (await client.query<{ id: number }>("SELECT id FROM tenants WHERE kind = 'platform'")).rows[0]!.id;
  } finally {
    await client.end();
  }
}

/** A new operator of the platform tenant, with the e2e password and a session cookie. */
async function createOperator() {
  const db = createPrismaClient(readE2eState().databaseUrl, { max: 1, tenant: await platformId() });
  try {
    const user = await db.user.create({ data: { email: `operator-${stamp()}@e2e.planregister.no`, name: "E2E operatør", role: "operator", passwordHash: await hashPassword(E2E_PASSWORD) } });
    const { claims } = await createSessionRow(db, user, "password", 3600);
    return { ...user, cookie: await encodeSessionToken(claims, readE2eState().secret, 3600) };
  } finally {
    await db.$disconnect();
  }
}

/** GET `path` on the e2e server as `host`, without following redirects. */
function get(host: string, path: string, cookie?: string): Promise<{ status: number; location: string; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: "127.0.0.1", port: Number(port()), path, headers: { host: `${host}:${port()}`, ...(cookie ? { cookie: `${SESSION_COOKIE}=${cookie}` } : {}) } }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, location: String(response.headers.location ?? ""), body }));
    });
    request.on("error", reject);
  });
}

test("the operator creates a municipality with its host and first admin; the one-time link works on that host only", async ({ page }) => {
  const operator = await createOperator();
  await signInThroughForm(page, operator.email, E2E_PASSWORD, on(PLATFORM_HOST, "/login"));
  await expect(page).toHaveURL(on(PLATFORM_HOST, "/operator"), { timeout: 20_000 });
  await expect(page.getByRole("link", { name: "Planer", exact: true })).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole("link", { name: "Ny kunde" }).click();
  // Typing before the page has settled would be lost when the form hydrates.
  await expect(page).toHaveURL(on(PLATFORM_HOST, "/operator/new"));
  await page.waitForLoadState("networkidle");
  const name = `E2E kommune ${stamp()}`;
  const host = `e2e-${stamp()}.localhost`;
  const kommunenummer = String(9000 + Math.floor(Math.random() * 999));
  // Bad input first: every problem next to its field, nothing created.
  await page.getByLabel("Kommunenummer").fill("12");
  await page.getByLabel("Vertsnavn").fill("https://x.no");
  await page.getByRole("button", { name: "Opprett kunde" }).click();
  await expect(page.getByText("Kommunenummeret har 4 sifre, f.eks. 5025.")).toBeVisible();
  await expect(page.getByText(/Skriv et vertsnavn med små bokstaver/)).toBeVisible();
  await expectAccessible(page);

  const adminEmail = `admin-${stamp()}@e2e.planregister.no`;
  const fillForm = async () => {
    await page.getByLabel("Navn", { exact: true }).fill(name);
    await page.getByLabel("Kommunenummer").fill(kommunenummer);
    await page.getByLabel("Fylkesnummer").fill("50");
    await page.getByLabel("Fylke", { exact: true }).fill("Trøndelag");
    await page.getByLabel("Vertsnavn").fill(host);
    await page.getByLabel("Første brukers navn").fill("Første admin");
    await page.getByLabel("Første brukers e-post").fill(adminEmail);
  };
  await fillForm();
  await page.getByRole("button", { name: "Opprett kunde" }).click();
  await expect(page.getByRole("status").filter({ hasText: `${name} er opprettet.` })).toBeVisible();
  const link = await page.getByLabel("Engangslenke for Første admin").inputValue();
  expect(link).toMatch(new RegExp(`^http://${host.replace(/\./g, "\\.")}:${port()}/set-password/[\\w-]{43}$`));
  await expectAccessible(page);

  // The same again (another tab, a resent form): refused next to the field, not a second tenant.
  await page.reload();
  await page.waitForLoadState("networkidle");
  await fillForm();
  await page.getByRole("button", { name: "Opprett kunde" }).click();
  await expect(page.getByLabel("Kommunenummer")).toHaveAccessibleDescription(/Dette er allerede i bruk av en annen kunde\./);

  // The link on another tenant's host is no link at all; on its own host it sets the password.
  const token = link.split("/").at(-1)!;
  await page.goto(on("localhost", `/set-password/${token}`));
  await expect(page.getByText("Lenken er ugyldig, brukt eller utløpt. Be en administrator om en ny.")).toBeVisible();
  await page.goto(link);
  await page.getByLabel("Nytt passord").fill(E2E_PASSWORD);
  await page.getByLabel("Gjenta passordet").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Lagre passord" }).click();
  await expect(page.getByText("Passordet er lagret. Du kan nå logge inn.")).toBeVisible();
  await signInThroughForm(page, adminEmail, E2E_PASSWORD, on(host, "/login"));
  await expect(page).toHaveURL(on(host, "/"), { timeout: 20_000 });
  await expect(page.getByText(name).first()).toBeVisible();

  // Listed, searchable; host names added and removed, never the last. The operator's cookie is
  // still there: each host keeps its own.
  await page.goto(on(PLATFORM_HOST, `/operator?q=${encodeURIComponent(kommunenummer)}`));
  await expect(page.getByRole("status")).toHaveText("1 kunde");
  await page.getByRole("link", { name }).click();
  await expectAccessible(page);
  const second = `planer-${stamp()}.e2e.planregister.no`;
  await page.getByLabel("Nytt vertsnavn").fill(second);
  await page.getByRole("button", { name: "Legg til" }).click();
  await expect(page.getByRole("status").filter({ hasText: `${second} er lagt til.` })).toBeVisible();
  await page.getByRole("button", { name: `Fjern ${host}` }).click();
  await expect(page.getByRole("button", { name: `Fjern ${host}` })).toHaveCount(0);
  await page.getByRole("button", { name: `Fjern ${second}` }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Dette er kundens siste vertsnavn. Legg til et annet først." })).toBeVisible();
  // The edge knows a host's tenant for up to 10 seconds.
  await expect.poll(async () => (await get(host, "/login")).status, { timeout: 20_000, intervals: [2000] }).toBe(404);
});

test("a session is good on its own tenant's host only: an operator has nothing on a municipality's, an admin nothing on the platform's", async () => {
  const operator = await createOperator();
  const admin = await createE2eUser("admin");
  const adminCookie = await sessionCookieFor(admin);
  expect((await get(PLATFORM_HOST, "/operator", operator.cookie)).status).toBe(200);
  for (const path of ["/", "/plans", "/operator", "/account"]) {
    expect((await get("localhost", path, operator.cookie)).location, `operator on localhost ${path}`).toMatch(/^\/login/);
    expect((await get(PLATFORM_HOST, path, adminCookie)).location, `admin on ${PLATFORM_HOST} ${path}`).toMatch(/^\/login/);
  }
  // Signed in on its own host, an admin of the municipality is still no operator.
  expect((await get("localhost", "/operator", adminCookie)).status).toBe(403);
});

test("next-auth answers each host with that host's own callback address", async () => {
  for (const host of [PLATFORM_HOST, "localhost"]) {
    const providers = JSON.parse((await get(host, "/api/auth/providers")).body) as Record<string, { callbackUrl: string }>;
    expect(providers.oidc?.callbackUrl).toBe(on(host, "/api/auth/callback/oidc"));
  }
});

/** A new municipality made the operator's way, whose first user has `email` (and, if given, the e2e password). */
async function municipalityWith(email: string, withPassword = false) {
  const operator = await createOperator();
  const client = new pg.Client({ connectionString: readE2eState().databaseUrl });
  await client.connect();
  const host = `iks-${stamp()}.localhost`;
  const name = `IKS-kommune ${stamp()}`;
  try {
    await client.query("BEGIN");
    await client.query("SELECT set_config('app.tenant_id', $1, true)", [String(await platformId())]);
    const { rows } = await client.query(`SELECT tenant_id, user_id FROM platform_create_tenant($1, 'municipality', $2, $3, '50', 'Trøndelag', $4::text[], $5, 'IKS-rådgiver', NULL, NULL)`, [operator.id, String(8000 + Math.floor(Math.random() * 999)), name, [host], email]);
    if (withPassword) {
      await client.query("SELECT set_config('app.tenant_id', $1, true)", [String(rows[0].tenant_id)]);
      await client.query("UPDATE users SET password_hash = $1 WHERE id = $2", [await hashPassword(E2E_PASSWORD), rows[0].user_id]);
    }
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
  return { host, name };
}

test("your other municipalities: the tenants where the same e-mail has an account, with links to their hosts", async ({ page }) => {
  const me = await createE2eUser("editor");
  const { host, name } = await municipalityWith(me.email);
  await signInThroughForm(page, me.email, E2E_PASSWORD);
  await expect(page).toHaveURL(/\/$/, { timeout: 20_000 });
  await page.goto("/account");
  const section = page.getByRole("region", { name: "Dine andre kommuner" });
  await expect(section.getByRole("link", { name })).toHaveAttribute("href", on(host, "/"));
  await expectAccessible(page);
});

test.describe("lock-out", () => {
  test.use({ extraHTTPHeaders: { "X-Forwarded-For": `198.51.100.91-${Date.now()}` } });

  test("an account locked out on one municipality's host still signs in on another's, from the same address", async ({ page }) => {
    const me = await createE2eUser("viewer");
    const other = await municipalityWith(me.email, true);
    await page.goto(on("localhost", "/login"));
    for (let i = 0; i < 10; i++) {
      await page.getByLabel("E-postadresse").fill(me.email);
      await page.getByLabel("Passord").fill(`feil-passord-${i}`);
      await page.getByRole("button", { name: "Logg inn", exact: true }).click();
      await expect(page.getByRole("alert").filter({ hasText: /Feil e-postadresse eller passord|For mange/ })).toBeVisible();
      // The button comes back when the answer is in: ten attempts, one at a time.
      await expect(page.getByRole("button", { name: "Logg inn", exact: true })).toBeEnabled();
    }
    await signInThroughForm(page, me.email, E2E_PASSWORD, on("localhost", "/login"));
    await expect(page.getByRole("alert").filter({ hasText: "For mange mislykkede innlogginger" })).toBeVisible();
    await signInThroughForm(page, me.email, E2E_PASSWORD, on(other.host, "/login"));
    await expect(page).toHaveURL(on(other.host, "/"), { timeout: 20_000 });
  });
});
