// Every page a test visits is checked with axe against WCAG 2.1 A and AA. `loginAs(role)` makes a
// fresh user of that role and signs in as them.
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import type { Role } from "../lib/permissions";
import { createE2eUser, E2E_PASSWORD } from "./support/db";

/** Fills in and submits the sign-in form. */
export async function signInThroughForm(page: Page, email: string, password: string, path = "/login") {
  await page.goto(path);
  await page.getByLabel("E-postadresse").fill(email);
  await page.getByLabel("Passord").fill(password);
  await page.getByRole("button", { name: "Logg inn", exact: true }).click();
}

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Fails with the list of violations when the page is not accessible. */
export async function expectAccessible(page: Page) {
  // Next.js streams metadata: after a server action the <title> can be re-inserted a moment after
  // the rest of the page. Let it settle; a page that never gets one still fails below.
  await page.waitForFunction(() => document.title.trim() !== "", null, { timeout: 5000 }).catch(() => {});
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary, `axe found accessibility violations on ${page.url()}`).toEqual([]);
}

type Fixtures = {
  visit: (path: string) => Promise<void>;
  loginAs: (role: Role) => Promise<{ id: number; email: string; name: string }>;
};

export const test = base.extend<Fixtures>({
  visit: async ({ page }, use) => {
    await use(async (path: string) => {
      await page.goto(path);
      await expectAccessible(page);
    });
  },
  // Signs in through the form: a __Host- cookie cannot be planted from outside the browser.
  loginAs: async ({ page }, use) => {
    await use(async (role: Role) => {
      const user = await createE2eUser(role);
      await signInThroughForm(page, user.email, E2E_PASSWORD);
      // The first sign-in on a cold server can take a while under load.
      await expect(page).toHaveURL(/\/$/, { timeout: 20_000 });
      return user;
    });
  },
});

export { expect };
