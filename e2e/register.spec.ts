import { expect, expectAccessible, test } from "./fixtures";

test.beforeEach(async ({ loginAs }) => {
  await loginAs("viewer");
});

const rorosPlans = [
  "Mangfolds- og inkluderingsstrategi",
  "Oppvekst- og utdanningsstrategi",
  "Helse- og omsorgsstrategi",
  "Transportstrategi",
  "Kommuneplanens arealdel",
  "Klima- og miljøplan",
  "Folkehelseplan",
  "Trafikksikkerhetsplan",
  "Handlingsplan mot vold i nære relasjoner",
  "Handlingsplan for selvmordsforebygging",
];

test("the register lists the Røros example plans in bokmål", async ({ page, visit }) => {
  // Other tests add plans; the example data says it is example data.
  await visit("/plans?q=Eksempeldata");
  await expect(page.locator("html")).toHaveAttribute("lang", "nb");
  await expect(page).toHaveTitle("Planregisteret – Planregister");
  await expect(page.getByRole("heading", { level: 1, name: "Planregisteret" })).toBeVisible();
  const table = page.getByRole("table", { name: "Planer i registeret" });
  await expect(table.getByRole("row")).toHaveCount(rorosPlans.length + 1);
  for (const title of rorosPlans) await expect(table.getByRole("rowheader", { name: title })).toBeVisible();
  const climate = table.getByRole("row", { name: /Klima- og miljøplan/ });
  await expect(climate.getByRole("cell")).toHaveText(["Kommunedelplan", "Vedtatt / gjeldende", "27. sep. 2018", /^31\. des\. 2022 Forfalt for .+ dager siden$/, "Plan og forvaltning"]);
  await expect(page.getByText("10 planer")).toBeVisible();
  await page.screenshot({ path: "test-results/artifacts/register.png", fullPage: true });
});

test("a plan page shows its fields, SDG targets, relations and planning-strategy decisions", async ({ page, visit }) => {
  // Found by search: other specs' plans may fill the register's first page before this one runs.
  await visit("/plans?q=Klima-");
  await page.getByRole("link", { name: "Klima- og miljøplan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Klima- og miljøplan" })).toBeVisible();
  await expectAccessible(page);
  const facts = page.getByRole("definition");
  await expect(facts.filter({ hasText: "18/00977" })).toHaveCount(1);
  await expect(page.getByRole("heading", { level: 3, name: /^Mål 13: / })).toBeVisible();
  await expect(page.getByText("13.2", { exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "Sammenheng med andre planer" })).toContainText("Støttes av: Transportstrategi");

  await page.getByRole("link", { name: "Transportstrategi" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Transportstrategi" })).toBeVisible();
  await expectAccessible(page);
  const relations = page.getByRole("region", { name: "Sammenheng med andre planer" });
  for (const title of ["Kommuneplanens arealdel", "Klima- og miljøplan", "Folkehelseplan", "Trafikksikkerhetsplan"]) await expect(relations).toContainText(`Støtter: ${title}`);
  const decisions = page.getByRole("table", { name: "Vedtak i planstrategier" });
  await expect(decisions.getByRole("row", { name: /Planstrategi 2020–2023/ }).getByRole("cell").first()).toHaveText("Ny plan");
  await page.screenshot({ path: "test-results/artifacts/plan.png", fullPage: true });
});

test("an SDG target without bokmål text is shown in English and marked so", async ({ page, visit }) => {
  // Found by search: other specs' plans may fill the register's first page before this one runs.
  await visit("/plans?q=Mangfolds");
  await page.getByRole("link", { name: "Mangfolds- og inkluderingsstrategi" }).click();
  await expectAccessible(page);
  const fallback = page.locator('[lang="en"]', { hasText: "Encourage and promote effective public" });
  await expect(fallback).toBeVisible();
  await expect(page.getByText("(Norsk tekst mangler; viser engelsk.)")).toBeVisible();
});

test("an unknown plan gives a 404 page", async ({ page }) => {
  for (const path of ["/plans/999999", "/plans/abc"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Siden finnes ikke" })).toBeVisible();
    await expectAccessible(page);
  }
});

test("the skip link takes keyboard users to the main content", async ({ page, visit }) => {
  await visit("/plans");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Hopp til hovedinnholdet" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();
});

test("from the main content one Tab and Enter skip the register's filters to the plans", async ({ page, visit }) => {
  await visit("/plans");
  await page.locator("main#main").focus();
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Hopp til planene" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("#results")).toBeFocused();
  // The next Tab reaches the plans' table, not another filter.
  await page.keyboard.press("Tab");
  const focused = await page.evaluate(() => document.activeElement?.closest("table, [role=region]") !== null);
  expect(focused).toBe(true);
});
