import type { Locator } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures";
import { e2eDb } from "./support/db";
import { parseFeed } from "../tests/support/ical";

// The same rule as the feed, written out in SQL rather than taken from the app.
async function datedActivePlans(): Promise<number> {
  const [{ count }] = await e2eDb().$queryRaw<[{ count: number }]>`
    SELECT count(*)::int AS count FROM plans
    WHERE archived_at IS NULL AND status NOT IN ('opphevet', 'erstattet') AND revision_due_on IS NOT NULL`;
  return count;
}

const shownLink = (section: Locator) => section.getByRole("textbox", { name: "Kalenderlenken din" });

test("a viewer subscribes with a secret link; renewing stops the old link, turning it off stops the new", async ({ page, visit, loginAs, request }) => {
  await loginAs("viewer");
  await visit("/account");
  const section = page.getByRole("region", { name: "Kalender" });
  const status = section.getByRole("status");
  await expect(section).toContainText("Du har ingen kalenderlenke.");

  await section.getByRole("button", { name: "Lag kalenderlenke" }).click();
  await expect(status).toHaveText("Kalenderlenken er laget.");
  const first = await shownLink(section).inputValue();
  expect(first).toMatch(/^http:\/\/localhost:\d+\/api\/calendar\/[A-Za-z0-9_-]{43}$/);
  await expect(section).toContainText("Lenken vises bare denne ene gangen.");
  await expectAccessible(page);
  await section.screenshot({ path: "test-results/artifacts/calendar-link.png" });

  // The request fixture carries no cookies: the link alone must be enough, as for a calendar app.
  const response = await request.get(first);
  expect(response.status()).toBe(200);
  expect(response.headers()).toMatchObject({
    "content-type": "text/calendar; charset=utf-8",
    "cache-control": "private, no-store",
    "x-robots-tag": "noindex",
    "content-disposition": 'inline; filename="planregister.ics"',
  });
  const feed = parseFeed(await response.text());
  const count = await datedActivePlans();
  expect(count).toBeGreaterThan(0);
  expect(feed.events).toHaveLength(count);
  console.log(`calendar feed: ${feed.events.length} events for ${count} dated active plans`);

  // With the keyboard, as some users will.
  await section.getByRole("button", { name: "Forny lenken" }).focus();
  await page.keyboard.press("Enter");
  await expect(status).toHaveText("Ny kalenderlenke er laget. Den gamle virker ikke lenger.");
  const second = await shownLink(section).inputValue();
  expect(second).not.toBe(first);
  expect((await request.get(first)).status()).toBe(404);
  expect((await request.get(second)).status()).toBe(200);
  expect((await request.head(second)).status()).toBe(200);

  // Shown once: after a reload the page says a link exists, but not what it is.
  await visit("/account");
  await expect(section).toContainText("Du har en kalenderlenke, laget");
  await expect(shownLink(section)).toHaveCount(0);

  await section.getByRole("button", { name: "Slå av lenken" }).click();
  await expect(status).toHaveText("Kalenderlenken er slått av. Den virker ikke lenger.");
  await expect(section).toContainText("Du har ingen kalenderlenke.");
  const gone = await request.get(second);
  expect(gone.status()).toBe(404);
  expect(gone.headers()["cache-control"]).toBe("private, no-store");
});
