// The account page's API tokens on a phone: the token table's scroll region can be reached by
// keyboard (axe at 390 px).
import { createHash, randomUUID } from "node:crypto";
import { expect, test } from "./fixtures";
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
