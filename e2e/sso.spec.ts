// Single sign-on against a real OpenID Connect provider (e2e/support/oidc-idp.ts).
import { expect, expectAccessible, test } from "./fixtures";
import type { Page } from "@playwright/test";
import pg from "pg";
import { createE2eUser, e2eDb } from "./support/db";
import { TENANT_B, tenantBDb, tenantBId } from "./support/tenant-b";
import { readE2eState } from "./state";

async function signInWithIdp(page: Page, login: string, base = "") {
  await page.goto(`${base}/login`);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Logg inn med Test-IdP" }).click();
  // The provider's own development screens (not ours, so no axe here).
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any");
  await page.locator('button[type="submit"]').click();
  const consent = page.locator('button[type="submit"]', { hasText: /continue/i });
  if (await consent.isVisible().catch(() => false)) await consent.click();
}

test("a user an admin has created signs in through single sign-on", async ({ page }) => {
  const user = await createE2eUser("viewer");
  await signInWithIdp(page, user.email);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByText(`Innlogget som ${user.name}`)).toBeVisible();
  const events = await e2eDb().auditEvent.count({ where: { type: "auth.sign_in_succeeded", actorId: user.id, after: { path: ["method"], equals: "oidc" } } });
  expect(events).toBe(1);
});

test("single sign-on is refused for an unknown e-mail and for a deactivated user", async ({ page }) => {
  await signInWithIdp(page, `stranger-${Date.now()}@e2e.planregister.no`);
  await expect(page).toHaveURL(/\/login\?error=/);
  await expect(page.getByRole("alert").filter({ hasText: "avvist" })).toBeVisible();
  await expectAccessible(page);

  const inactive = await createE2eUser("editor", { active: false });
  await page.context().clearCookies();
  await signInWithIdp(page, inactive.email);
  await expect(page).toHaveURL(/\/login\?error=/);
});

test("single sign-on is per municipality: B's user signs in on B's host into B's register, and a Røros user's e-mail is refused there", async ({ page }) => {
  const state = readE2eState();
  const bBase = `http://${TENANT_B.host}:${new URL(state.baseUrl).port}`;
  const owner = new pg.Client({ connectionString: state.databaseUrl });
  await owner.connect();
  const bId = await tenantBId(owner).finally(() => owner.end());
  const bDb = tenantBDb(state.databaseUrl, bId!);
  try {
    const name = `SSO-bruker i ${TENANT_B.name} ${Date.now()}`;
    const bUser = await bDb.user.create({ data: { email: `sso-b-${Date.now()}@e2e.planregister.no`, name, role: "viewer" } });
    await signInWithIdp(page, bUser.email, bBase);
    await expect(page).toHaveURL(`${bBase}/`);
    await expect(page.getByText(`Innlogget som ${name}`)).toBeVisible();
    await expect(page.getByText(TENANT_B.name).first()).toBeVisible();
    expect(await bDb.session.count({ where: { userId: bUser.id, method: "oidc" } })).toBe(1);

    await page.context().clearCookies();
    const roros = await createE2eUser("viewer");
    await signInWithIdp(page, roros.email, bBase);
    await expect(page).toHaveURL(/\/login\?error=/);
    expect(await e2eDb().session.count({ where: { userId: roros.id } })).toBe(0);
  } finally {
    await bDb.$disconnect();
  }
});
