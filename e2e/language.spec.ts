import { expect, expectAccessible, test } from "./fixtures";
import type { Page } from "@playwright/test";

async function switchToEnglishAndBack(page: Page, checkAccessibility: boolean) {
  await page.getByLabel("Språk").selectOption("en");
  await page.getByRole("button", { name: "Bytt språk" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Plan register" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("row", { name: /Klima- og miljøplan/ }).getByRole("cell").first()).toHaveText("Municipal sub-plan");
  if (checkAccessibility) await expectAccessible(page);

  await page.getByLabel("Language").selectOption("nb");
  await page.getByRole("button", { name: "Change language" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Planregisteret" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "nb");
}

test.beforeEach(async ({ loginAs }) => {
  await loginAs("viewer");
});

test("the UI switches to English and back to bokmål", async ({ page, visit }) => {
  await visit("/plans");
  await switchToEnglishAndBack(page, true);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  // axe runs inside the page and needs JavaScript; the same pages are checked in the test above.
  test("the language form still works", async ({ page }) => {
    await page.goto("/plans");
    await switchToEnglishAndBack(page, false);
  });
});
