// SDG coverage as a viewer, on the demo data (prisma/seed/demo.ts). This spec runs in the
// "example-data" Playwright project, before other specs add plans to the same database.
import { expect, expectAccessible, test } from "./fixtures";

const caption = "Antall delmål under hvert bærekraftsmål som hver plan bidrar til";

test.beforeEach(async ({ loginAs }) => {
  await loginAs("viewer");
});

test("the matrix counts each demo plan's targets per goal and names the goals no plan covers", async ({ page, visit }) => {
  await visit("/sdg");
  await expect(page).toHaveTitle("Bærekraftsmål i planene – Planregister");
  await expect(page.getByRole("heading", { level: 1, name: "Bærekraftsmål i planene" })).toBeVisible();

  // Not covered is said in words: in the list above the table and in the column headers.
  const uncovered = page.getByRole("region", { name: "Mål uten plan" });
  for (const goal of ["1. Utrydde fattigdom", "2. Utrydde sult", "6. Rent vann og gode sanitærforhold", "8. Anstendig arbeid og økonomisk vekst", "14. Livet i havet"]) {
    await expect(uncovered.getByRole("link", { name: goal })).toBeVisible();
  }
  await expect(uncovered.getByRole("link", { name: "3. God helse og livskvalitet" })).toHaveCount(0);
  const table = page.getByRole("table", { name: caption });
  await expect(table.getByRole("columnheader", { name: /^14 Livet i havet/ })).toContainText("Ikke dekket");
  await expect(table.getByRole("columnheader", { name: /^3 God helse/ })).not.toContainText("Ikke dekket");

  // Cells after the row header: the type, then goals 1–17.
  const row = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Folkehelseplan", exact: true }) });
  const cells = row.getByRole("cell");
  await expect(cells.nth(0)).toHaveText("Temaplan");
  await expect(cells.nth(3)).toHaveAccessibleName("2 av 13 delmål");
  await expect(cells.nth(3).locator('[aria-hidden="true"]')).toHaveText("2");
  await expect(cells.nth(1)).toHaveAccessibleName("0 av 7 delmål");
  await expect(cells.nth(1).locator('[aria-hidden="true"]')).toHaveText("–");
  await expect(cells.nth(10)).toHaveAccessibleName("1 av 10 delmål");
  await expect(page.getByRole("region", { name: caption })).toHaveAttribute("tabindex", "0");
  await page.screenshot({ path: "test-results/artifacts/sdg-matrix.png", fullPage: true });

  // Drill down to goal 11 with the keyboard.
  await table.getByRole("link", { name: /^11 Bærekraftige byer og lokalsamfunn/ }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/sdg\/11$/);
  await expect(page.getByRole("heading", { level: 1, name: "Mål 11: Gjøre byer og lokalsamfunn inkluderende, trygge, robuste og bærekraftige" })).toBeVisible();
  await expectAccessible(page);
});

test("a goal's page lists its targets with the plans addressing them and marks the uncovered ones", async ({ page, visit }) => {
  await visit("/sdg/11");
  const target = (code: string) => page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 2, name: `Delmål ${code}` }) });
  const plans = (code: string) => target(code).getByRole("list", { name: `Planer som bidrar til delmål ${code}` }).getByRole("link");
  await expect(plans("11.2")).toHaveText(["Trafikksikkerhetsplan", "Transportstrategi"]);
  await expect(plans("11.3")).toHaveText(["Kommuneplanens arealdel"]);
  await expect(plans("11.4")).toHaveText(["Kommuneplanens arealdel"]);
  await expect(plans("11.6")).toHaveText(["Klima- og miljøplan"]);
  await expect(target("11.1")).toContainText("Ikke dekket");
  await expect(target("11.2")).not.toContainText("Ikke dekket");
  await expect(page.getByText("4 av 10 delmål dekket")).toBeVisible();
  await page.screenshot({ path: "test-results/artifacts/sdg-goal-11.png", fullPage: true });

  await plans("11.6").click();
  await expect(page.getByRole("heading", { level: 1, name: "Klima- og miljøplan" })).toBeVisible();
});

test("filtering by responsible unit keeps the filter in the drill-down links", async ({ page, visit }) => {
  await visit("/sdg");
  await page.getByLabel("Ansvarlig enhet").selectOption("Helse og omsorg");
  await page.getByRole("button", { name: "Vis", exact: true }).click();
  await expect(page).toHaveURL(/\/sdg\?type=&unit=Helse\+og\+omsorg$/);
  await expectAccessible(page);
  await expect(page.getByText("Bare planer som passer filteret: Helse og omsorg.")).toBeVisible();
  const table = page.getByRole("table", { name: caption });
  await expect(table.getByRole("rowheader", { name: "Folkehelseplan", exact: true })).toBeVisible();
  await expect(table.getByRole("rowheader", { name: "Transportstrategi", exact: true })).toHaveCount(0);
  await table.getByRole("link", { name: /^5 Likestilling/ }).click();
  await expect(page).toHaveURL(/\/sdg\/5\?unit=Helse\+og\+omsorg$/);
  await expect(page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Delmål 5.1" }) })).toContainText("Ikke dekket");
  await expectAccessible(page);
});

test("the matrix prints without the navigation and filters", async ({ page, visit }) => {
  await visit("/sdg");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Hovedmeny" })).toBeHidden();
  await expect(page.getByRole("search")).toBeHidden();
  await expect(page.getByRole("table", { name: caption })).toBeVisible();
  await page.screenshot({ path: "test-results/artifacts/sdg-print.png", fullPage: true });
});

test("a goal outside 1–17 gives a 404 page", async ({ page }) => {
  for (const path of ["/sdg/0", "/sdg/18", "/sdg/011", "/sdg/abc"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Siden finnes ikke" })).toBeVisible();
  }
});
