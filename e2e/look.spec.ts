// The look on a phone (390×844) and a laptop (1366×768): a short header with a menu button, no
// sideways scrolling of the page, filters behind one button, the SDG matrix's fixed plan column,
// and screenshots of the main pages kept as artifacts (test-results/artifacts/look/).
import type { Page, TestInfo } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures";
import { e2eDb } from "./support/db";
import { DEMO_PERIOD_NAME } from "../prisma/seed/demo";
import type { Role } from "../lib/permissions";

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 768 };

async function demoIds() {
  const plan = await e2eDb().plan.findFirstOrThrow({ where: { title: "Folkehelseplan" }, select: { id: true } });
  const period = await e2eDb().strategyPeriod.findFirstOrThrow({ where: { name: DEMO_PERIOD_NAME }, select: { id: true } });
  return { planId: plan.id, periodId: period.id };
}

async function pagesFor(role: Role): Promise<string[]> {
  const { planId, periodId } = await demoIds();
  const read = ["/", "/plans", `/plans/${planId}`, "/schedule", "/periods", `/periods/${periodId}`, "/sdg", "/sdg/11", "/account"];
  const write = role === "viewer" ? [] : ["/plans/new", `/plans/${planId}/edit`, "/periods/new"];
  const admin = role === "admin" ? ["/admin/users", "/admin/users/new", "/admin/settings"] : [];
  return [...read, ...write, ...admin];
}

const menuButton = (page: Page) => page.locator("header details.menu-toggle > summary");

/** The header is at most 80 px tall and the page does not scroll sideways. */
async function expectPhoneLayout(page: Page) {
  const header = await page.getByRole("banner").first().boundingBox();
  expect(header, `no header on ${page.url()}`).not.toBeNull();
  expect(header!.height, `header height on ${page.url()}`).toBeLessThanOrEqual(80);
  const overflow = await page.evaluate(() => ({ scroll: document.scrollingElement!.scrollWidth, inner: window.innerWidth }));
  expect(overflow.scroll, `sideways scrolling on ${page.url()}`).toBeLessThanOrEqual(overflow.inner);
}

async function shoot(page: Page, testInfo: TestInfo, name: string) {
  const body = await page.screenshot({ path: `test-results/artifacts/look/${name}.png`, fullPage: true });
  await testInfo.attach(name, { body, contentType: "image/png" });
}

for (const role of ["viewer", "editor", "admin"] as const) {
  test(`at 390 px every page of a ${role} has a short header, no sideways scrolling and no axe violations, menu closed and open`, async ({ page, loginAs }) => {
    test.setTimeout(240_000);
    await page.setViewportSize(PHONE);
    await loginAs(role);
    for (const path of await pagesFor(role)) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      // Closed: the navigation is behind the menu button.
      await expect(page.getByRole("navigation", { name: "Hovedmeny" })).toBeHidden();
      await expectPhoneLayout(page);
      await expectAccessible(page);
      // Open: the navigation, the language switch and sign-out are reachable.
      await menuButton(page).click();
      await expect(page.locator("header details.menu-toggle")).toHaveJSProperty("open", true);
      await expect(page.getByRole("navigation", { name: "Hovedmeny" }).getByRole("link", { name: "Planer" })).toBeVisible();
      await expect(page.getByRole("button", { name: "Logg ut" })).toBeVisible();
      await expectPhoneLayout(page);
      await expectAccessible(page);
    }
  });
}

test("at 390 px the error states have no axe violations and no sideways scrolling", async ({ page, loginAs }) => {
  await page.setViewportSize(PHONE);
  await page.goto("/login");
  await page.getByLabel("E-postadresse").fill("nobody@e2e.planregister.no");
  await page.getByLabel("Passord").fill("wrong password, surely");
  await page.getByRole("button", { name: "Logg inn", exact: true }).click();
  // Next.js's route announcer is an alert too, once the page has hydrated.
  await expect(page.getByRole("alert").filter({ hasText: "Feil e-postadresse eller passord." })).toBeVisible();
  await expectPhoneLayout(page);
  await expectAccessible(page);

  await loginAs("editor");
  await page.goto("/plans/new");
  await page.getByLabel("Status", { exact: true }).selectOption("vedtatt");
  await page.getByRole("button", { name: "Opprett planen" }).click();
  await expect(page.getByText("En vedtatt plan må ha vedtaksdato.")).toBeVisible();
  await expectPhoneLayout(page);
  await expectAccessible(page);
  await menuButton(page).click();
  await expectAccessible(page);

  await page.goto("/plans/999999999");
  await expectPhoneLayout(page);
  await expectAccessible(page);
});

test("on a phone the register shows plans first; the filters open from one button that counts them", async ({ page, loginAs }) => {
  await page.setViewportSize(PHONE);
  await loginAs("viewer");
  await page.goto("/plans");
  const toggle = page.getByText("Filter (0 aktive)");
  await expect(toggle).toBeVisible();
  await expect(page.getByLabel("Søk i tittel, sammendrag og saksnummer")).toBeHidden();
  // The first plan is on the first screen.
  const firstPlan = await page.getByRole("table").getByRole("rowheader").first().boundingBox();
  expect(firstPlan!.y + firstPlan!.height).toBeLessThanOrEqual(PHONE.height);

  // By keyboard: the button opens the filters, which search.
  await toggle.focus();
  await page.keyboard.press("Enter");
  const search = page.getByLabel("Søk i tittel, sammendrag og saksnummer");
  await expect(search).toBeVisible();
  await search.fill("folkehelse");
  await search.press("Enter");
  await expect(page).toHaveURL(/q=folkehelse/);
  await expect(page.getByText("Filter (1 aktive)")).toBeVisible();
  await expect(page.getByRole("link", { name: "Folkehelseplan" })).toBeVisible();
  await expectPhoneLayout(page);
  await expectAccessible(page);

  // The schedule takes several types (checkboxes), the SDG pages one (a select).
  const temaplan = page.getByRole("group", { name: /^Plantype/ }).getByLabel("Temaplan", { exact: true });
  const typeSelect = page.getByLabel("Plantype", { exact: true });
  for (const [path, control] of [["/schedule", temaplan], ["/sdg", typeSelect]] as const) {
    await page.goto(`${path}?type=temaplan`);
    await expect(page.getByText("Filter (1 aktive)")).toBeVisible();
    await expect(control).toBeHidden();
    await page.getByText("Filter (1 aktive)").click();
    if (path === "/schedule") await expect(control).toBeChecked();
    else await expect(control).toHaveValue("temaplan");
  }
});

test("on a laptop the filters are shown without a button and the navigation without a menu", async ({ page, loginAs }) => {
  await page.setViewportSize(LAPTOP);
  await loginAs("viewer");
  await page.goto("/plans");
  await expect(page.getByLabel("Søk i tittel, sammendrag og saksnummer")).toBeVisible();
  await expect(page.getByText("Filter (0 aktive)")).toBeHidden();
  await expect(menuButton(page)).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Hovedmeny" }).getByRole("link", { name: "Revisjonsplan" })).toBeVisible();
});

test("the menu works with the keyboard alone on a phone", async ({ page, loginAs }) => {
  await page.setViewportSize(PHONE);
  await loginAs("viewer");
  await page.goto("/");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Hopp til hovedinnholdet" })).toBeFocused();
  await page.keyboard.press("Tab"); // the app name
  await page.keyboard.press("Tab");
  await expect(menuButton(page)).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("header details.menu-toggle")).toHaveJSProperty("open", true);
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Planer", exact: true })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/plans$/);
  await expect(page.getByRole("heading", { level: 1, name: "Planregisteret" })).toBeVisible();
  // The menu closes on the new page, and Escape closes it with focus back on its button.
  await expect(page.getByRole("navigation", { name: "Hovedmeny" })).toBeHidden();
  await menuButton(page).focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Oversikt", exact: true })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(page.locator("header details.menu-toggle")).toHaveJSProperty("open", false);
  await expect(menuButton(page)).toBeFocused();
});

test("the SDG matrix keeps the plan column in place and says that more goals follow", async ({ page, loginAs }) => {
  await page.setViewportSize(LAPTOP);
  await loginAs("viewer");
  await page.goto("/sdg");
  const caption = "Antall delmål under hvert bærekraftsmål som hver plan bidrar til";
  const region = page.getByRole("region", { name: caption });
  const hint = region.getByText("Flere mål følger til høyre");
  await expect(hint).toBeVisible();
  const planCell = region.getByRole("rowheader", { name: "Folkehelseplan", exact: true });
  const before = (await planCell.boundingBox())!;
  // Keyboard scrolling: the region takes focus and scrolls with the arrow keys.
  await region.focus();
  await region.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(100);
  const after = (await planCell.boundingBox())!;
  expect(Math.abs(after.x - before.x)).toBeLessThan(2);
  // Goal 17's column is now inside the region's visible width (the page may scroll vertically).
  const region17 = (await region.boundingBox())!;
  const goal17 = (await region.getByRole("columnheader", { name: /^17 / }).boundingBox())!;
  expect(goal17.x).toBeGreaterThanOrEqual(region17.x);
  expect(goal17.x + goal17.width).toBeLessThanOrEqual(region17.x + region17.width + 1);
  // At the right edge there is nothing more to announce.
  await expect(hint).toBeHidden();
  await expectAccessible(page);
});

test("screenshots of the main pages at 390×844 and 1366×768", async ({ page, loginAs }, testInfo) => {
  test.setTimeout(180_000);
  await loginAs("viewer");
  const { planId, periodId } = await demoIds();
  const pages = { overview: "/", register: "/plans", plan: `/plans/${planId}`, schedule: "/schedule", "planning-strategy": `/periods/${periodId}`, sdg: "/sdg" };
  for (const [size, viewport] of [["390x844", PHONE], ["1366x768", LAPTOP]] as const) {
    await page.setViewportSize(viewport);
    for (const [name, path] of Object.entries(pages)) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await shoot(page, testInfo, `${name}-${size}`);
    }
  }
  await page.setViewportSize(PHONE);
  await page.goto("/");
  await menuButton(page).click();
  await shoot(page, testInfo, "menu-open-390x844");
});
