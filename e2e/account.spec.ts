// The account page's API tokens on a phone and in both languages: the token table's scroll
// region can be reached by keyboard (axe at 390 px), and revoking a token says that it happened.
import { createHash, randomUUID } from "node:crypto";
import { expect, expectAccessible, test } from "./fixtures";
import { e2eDb } from "./support/db";

// Several axe runs each: more than the default time on a busy machine.
test.slow();

async function tokenFor(userId: number, name: string, revoked = false) {
  await e2eDb().apiToken.create({ data: { userId, name, tokenHash: createHash("sha256").update(randomUUID()).digest("hex"), revokedAt: revoked ? new Date() : null } });
}

test("at 390 px wide, /account with live and revoked API tokens passes axe; the token table scrolls by keyboard", async ({ page, loginAs, visit }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const editor = await loginAs("editor");
  await tokenFor(editor.id, "Gammel eksport med et langt navn som gjør tabellen bred", true);
  await visit("/account");
  const region = page.getByRole("region", { name: "Dine API-nøkler" });
  await expect(region).toHaveAttribute("tabindex", "0");
  await tokenFor(editor.id, "Power BI");
  await visit("/account");
});

test("revoking an API token says so in a status message, and focus stays with it (bokmål and English)", async ({ page, loginAs }) => {
  const viewer = await loginAs("viewer");
  await tokenFor(viewer.id, "Power BI");
  await tokenFor(viewer.id, "Excel");
  await page.goto("/account");
  const section = page.getByRole("region", { name: "API-nøkler" });
  await section.getByRole("button", { name: "Trekk tilbake Power BI" }).click();
  const row = section.getByRole("row", { name: /Power BI/ });
  await expect(row).toContainText("Trukket tilbake");
  await expect(row.getByRole("status")).toHaveText("API-nøkkelen er trukket tilbake. Den virker ikke lenger.");
  // The button is gone with the token: focus moves to the message, not to the top of the page.
  await expect(page.locator(":focus")).toContainText("API-nøkkelen er trukket tilbake");
  await expectAccessible(page);

  // The banner's language switch (the mail preferences have a language field of their own).
  const banner = page.getByRole("banner");
  await banner.getByLabel("Språk").selectOption("en");
  await banner.getByRole("button", { name: "Bytt språk" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const english = page.getByRole("region", { name: "API tokens" });
  await english.getByRole("button", { name: "Revoke Excel" }).click();
  await expect(english.getByRole("row", { name: /Excel/ }).getByRole("status")).toHaveText("The API token has been revoked. It no longer works.");
  await expectAccessible(page);
});
