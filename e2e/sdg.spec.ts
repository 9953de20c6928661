// SDG coverage as a viewer, on the demo data (prisma/seed/demo.ts). This spec runs in the
// "example-data" Playwright project, before other specs add plans to the same database.
import { expect, expectAccessible, test } from "./fixtures";
import { e2eDb } from "./support/db";

const caption = "Antall delmål under hvert bærekraftsmål som hver plan bidrar til";
const typesCaption = "Antall planer av hver type som bidrar til hvert bærekraftsmål";

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

  // No pagination when every plan fits on the page.
  await expect(page.getByRole("navigation", { name: "Sider" })).toHaveCount(0);
  await expect(table.getByRole("rowheader")).toHaveCount(10);

  // Drill down to goal 11 with the keyboard.
  await table.getByRole("link", { name: /^11 Bærekraftige byer og lokalsamfunn/ }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/sdg\/11$/);
  await expect(page.getByRole("heading", { level: 1, name: "Mål 11: Gjøre byer og lokalsamfunn inkluderende, trygge, robuste og bærekraftige" })).toBeVisible();
  await expectAccessible(page);
});

test("the table by plan type counts the plans of each type per goal and totals every goal", async ({ page, visit }) => {
  await visit("/sdg");
  const types = page.getByRole("table", { name: typesCaption });
  await expect(page.getByRole("region", { name: typesCaption })).toHaveAttribute("tabindex", "0");
  await expect(types.getByRole("rowheader")).toHaveText(["Kommuneplanens arealdel", "Kommunedelplan", "Temaplan", "Strategi", "Handlingsplan", "Planer som dekker målet", "Delmål dekket"]);
  const strategies = types.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Strategi", exact: true }) }).getByRole("cell");
  await expect(strategies.nth(0)).toHaveText("4");
  await expect(strategies.nth(3)).toHaveAccessibleName("3 planer");
  await expect(strategies.nth(3).locator('[aria-hidden="true"]')).toHaveText("3");
  await expect(strategies.nth(14)).toHaveAccessibleName("Ingen planer");
  await expect(types.getByRole("columnheader", { name: /^14 Livet i havet/ })).toContainText("Ikke dekket");
  // The foot: 6 plans address goal 3, through 4 of its 13 targets.
  const foot = (name: string) => types.getByRole("row").filter({ has: page.getByRole("rowheader", { name }) }).getByRole("cell");
  await expect(foot("Planer som dekker målet").nth(2)).toHaveText("6");
  await expect(foot("Delmål dekket").nth(2)).toHaveAccessibleName("4 av 13 delmål dekket");
  await expect(foot("Delmål dekket").nth(13)).toHaveAccessibleName("0 av 10 delmål dekket");

  // A type leads to its plans in the per-plan table.
  await types.getByRole("link", { name: "Strategi", exact: true }).click();
  await expect(page).toHaveURL(/\/sdg\?type=strategi#sdg-plans$/);
  await expect(page.getByRole("table", { name: caption }).getByRole("rowheader")).toHaveText(["Helse- og omsorgsstrategi", "Mangfolds- og inkluderingsstrategi", "Oppvekst- og utdanningsstrategi", "Transportstrategi"]);
  await expectAccessible(page);
});

test("the whole table downloads as CSV with the filter applied", async ({ page, visit }) => {
  await visit("/sdg?unit=Helse+og+omsorg");
  const link = page.getByRole("link", { name: "Last ned hele tabellen (CSV)" });
  await expect(link).toHaveAttribute("href", "/sdg/download?unit=Helse+og+omsorg");
  const response = await page.request.get("/sdg/download?unit=Helse+og+omsorg");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(response.headers()["content-disposition"]).toContain("attachment");
  const body = await response.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = body.subarray(3).toString("utf8").split("\r\n");
  expect(lines[0]).toBe(["ID", "Plan", "Plantype", "Ansvarlig enhet", ...Array.from({ length: 17 }, (_, i) => `Mål ${i + 1}`)].join(";"));
  expect(lines.slice(1, -1).map((l) => l.split(";")[1])).toEqual(["Folkehelseplan", "Handlingsplan for selvmordsforebygging", "Handlingsplan mot vold i nære relasjoner", "Helse- og omsorgsstrategi"]);
  const folkehelse = await e2eDb().plan.findFirstOrThrow({ where: { title: "Folkehelseplan" } });
  expect(lines[1]).toBe(`${folkehelse.id};Folkehelseplan;Temaplan;Helse og omsorg;0;0;2;0;0;0;0;0;0;1;0;0;0;0;0;0;0`);
  expect(lines.at(-1)).toBe("");
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

test("with more plans than a page, the per-plan table is paged and the goal page lists 20 plans per target", async ({ page, visit }) => {
  // Plans of a unit of their own, so the example data's figures above are not touched; removed after.
  const unit = `E2E-sider ${Date.now().toString(36)}`;
  await e2eDb().plan.createMany({ data: Array.from({ length: 22 }, (_, i) => ({ title: `Sideplan ${String(i + 1).padStart(2, "0")}`, type: "temaplan" as const, responsibleUnit: unit })) });
  try {
    const plans = await e2eDb().plan.findMany({ where: { responsibleUnit: unit }, select: { id: true } });
    await e2eDb().planTarget.createMany({ data: plans.map((p) => ({ planId: p.id, targetCode: "14.1" })) });
    const query = `unit=${encodeURIComponent(unit).replaceAll("%20", "+")}`;
    await visit(`/sdg?${query}&size=10`);
    const table = page.getByRole("table", { name: caption });
    await expect(table.getByRole("rowheader")).toHaveCount(10);
    await expect(table.getByRole("rowheader").first()).toHaveText("Sideplan 01");
    await expect(page.getByText("Viser plan 1–10 av 22.")).toBeVisible();
    const pages = page.getByRole("navigation", { name: "Sider" });
    await expect(pages).toContainText("Side 1 av 3");
    // The figures above the table count all 22 plans.
    const types = page.getByRole("table", { name: typesCaption });
    await expect(types.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Temaplan" }) }).getByRole("cell").nth(0)).toHaveText("22");
    await pages.getByRole("link", { name: "Neste side" }).click();
    await expect(page).toHaveURL(new RegExp(`/sdg\\?${query.replaceAll("+", "\\+")}&size=10&page=2#sdg-plans$`));
    await expect(table.getByRole("rowheader").first()).toHaveText("Sideplan 11");
    await expect(table.getByRole("rowheader")).toHaveCount(10);
    await expectAccessible(page);
    // Malformed paging parameters are ignored, never an error.
    const response = await page.goto(`/sdg?${query}&size=5000&page=abc`);
    expect(response?.status()).toBe(200);
    await expect(table.getByRole("rowheader")).toHaveCount(22);

    await visit(`/sdg/14?${query}`);
    const target = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 2, name: "Delmål 14.1" }) });
    await expect(target.getByRole("list", { name: "Planer som bidrar til delmål 14.1" }).getByRole("link")).toHaveCount(20);
    await expect(target).toContainText("… og 2 planer til.");
    await target.getByRole("link", { name: "Se alle planer for mål 14 i planregisteret" }).click();
    await expect(page).toHaveURL(/\/plans\?unit=.+&goal=14&status=planlagt/);
  } finally {
    await e2eDb().plan.deleteMany({ where: { responsibleUnit: unit } });
  }
});
