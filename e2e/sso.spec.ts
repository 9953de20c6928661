// Single sign-on against a real OpenID Connect provider (e2e/support/oidc-idp.ts).
import { expect, expectAccessible, test } from "./fixtures";
import type { Page } from "@playwright/test";
import { createE2eUser, e2eDb } from "./support/db";

async function signInWithIdp(page: Page, login: string) {
  await page.goto("/login");
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
