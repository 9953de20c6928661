// What a politician reads, on the Røros example data, before any other spec adds plans (this
// file runs as its own Playwright project first). Expected figures are worked out here from the
// example data with plain date-string comparisons, as of the day the test runs.
import { test, expect } from "./fixtures";
import { demoPlans, DEMO_PERIOD_NAME } from "../prisma/seed/demo";
import { todayInOslo, isoDate } from "../lib/dates";

const today = isoDate(todayInOslo());
const year = Number(today.slice(0, 4));
const inAYear = `${year + 1}${today.slice(4)}`;
// Election periods are 2024–2027, 2028–2031, …
const periodEnd = 2027 + 4 * Math.ceil((year - 2027) / 4);
const dated = demoPlans.filter((p) => p.revisionDueOn).map((p) => ({ title: p.title, due: p.revisionDueOn! }));
const expectedState = (due: string) => (due < today ? "overdue" : due < inAYear ? "soon" : "later");

test("the overview shows the example data's figures, the next deadlines and the planning strategy", async ({ page, loginAs }) => {
  await loginAs("viewer");
  await expect(page.getByRole("heading", { level: 1, name: "Oversikt" })).toBeVisible();
  const figure = (id: string) => page.getByTestId(`figure-${id}`);
  await expect(figure("overdue")).toHaveText(String(dated.filter((p) => p.due < today).length));
  await expect(figure("dueThisYear")).toHaveText(String(dated.filter((p) => p.due >= today && p.due <= `${year}-12-31`).length));
  await expect(figure("dueThisPeriod")).toHaveText(String(dated.filter((p) => p.due >= `${periodEnd - 3}-01-01` && p.due <= `${periodEnd}-12-31`).length));
  await expect(figure("dueSoon")).toHaveText(String(dated.filter((p) => p.due >= today && p.due < inAYear).length));
  await expect(figure("withoutOwner")).toHaveText("0");
  await expect(figure("withoutDueDate")).toHaveText(String(demoPlans.length - dated.length));
  await expect(figure("active")).toHaveText(String(demoPlans.length));

  const upcoming = dated.filter((p) => p.due >= today).sort((a, b) => a.due.localeCompare(b.due)).map((p) => p.title);
  const next = page.getByRole("table", { name: "De ti neste revisjonsfristene" });
  await expect(next.getByRole("rowheader")).toHaveText(upcoming);

  const strategy = page.getByRole("region", { name: "Planstrategien" });
  await expect(strategy).toContainText(`Sist registrerte planstrategi er ${DEMO_PERIOD_NAME}`);
  await expect(strategy).toContainText("Ikke overholdt – 47 dager for sent");
  await expect(strategy).toContainText("Gjennomført: 0 av 9 vedtak (0 %)");
  await page.screenshot({ path: "test-results/artifacts/overview.png", fullPage: true });

  // Each figure's link shows exactly the plans it counts.
  for (const id of ["overdue", "dueThisPeriod", "dueSoon", "withoutDueDate", "active"]) {
    await page.goto("/");
    const value = await figure(id).innerText();
    await page.locator(`[data-figure=${id}]`).getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1, name: "Revisjonsplan" })).toBeVisible();
    await expect(page.getByRole("status").first(), id).toHaveText(value === "0" ? "Ingen planer" : value === "1" ? "1 plan" : `${value} planer`);
  }
});

test("the schedule marks overdue plans red and in words, and every dated plan's state", async ({ page, loginAs, visit }) => {
  await loginAs("viewer");
  await page.getByRole("navigation", { name: "Hovedmeny" }).getByRole("link", { name: "Revisjonsplan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Revisjonsplan" })).toBeVisible();
  await visit("/schedule");
  for (const plan of dated) {
    const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: plan.title, exact: true }) });
    await expect(row.locator("[data-due-state]"), plan.title).toHaveAttribute("data-due-state", expectedState(plan.due));
  }
  const klima = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Klima- og miljøplan" }) });
  const days = Math.round((Date.parse(today) - Date.parse("2022-12-31")) / 86_400_000);
  await expect(klima).toContainText(`Forfalt for ${days.toLocaleString("nb-NO")} dager siden`);
  await expect(page.getByTestId("timeline").first()).toBeVisible();
  await page.screenshot({ path: "test-results/artifacts/schedule.png", fullPage: true });

  // Filters and grouping live in the URL.
  await page.getByLabel("Revisjonsstatus").selectOption("overdue");
  await page.getByLabel("Grupper etter").selectOption("none");
  await page.getByRole("button", { name: "Vis", exact: true }).click();
  await expect(page).toHaveURL(/due=overdue/);
  await expect(page.getByRole("table").getByRole("rowheader")).toHaveText(dated.filter((p) => p.due < today).sort((a, b) => a.due.localeCompare(b.due)).map((p) => p.title));
});

test("the planprogram of 2020–2023 lists every plan of the example data with its decision, the deadlines and the completion", async ({ page, loginAs, visit }) => {
  await loginAs("viewer");
  await visit("/periods");
  await page.getByRole("link", { name: DEMO_PERIOD_NAME }).click();
  await expect(page.getByRole("heading", { level: 1, name: DEMO_PERIOD_NAME })).toBeVisible();
  await visit(page.url());
  const program = page.getByRole("table", { name: "Planprogram: Ny plan" });
  const strategies = ["Helse- og omsorgsstrategi", "Mangfolds- og inkluderingsstrategi", "Oppvekst- og utdanningsstrategi", "Transportstrategi"];
  await expect(program.getByRole("rowheader")).toHaveText(strategies);
  for (const title of strategies) {
    await expect(program.getByRole("row").filter({ hasText: title }).getByRole("cell").nth(2)).toHaveText("Ny plan");
  }
  await expect(page.getByRole("table", { name: "Planprogram: Revideres" }).getByRole("rowheader")).toHaveText(["Handlingsplan for selvmordsforebygging", "Handlingsplan mot vold i nære relasjoner", "Klima- og miljøplan", "Kommuneplanens arealdel", "Trafikksikkerhetsplan"]);
  await expect(page.getByRole("table", { name: "Planprogram: Videreføres" }).getByRole("rowheader")).toHaveText(["Folkehelseplan"]);
  await expect(page.locator("[data-deadline-row=adoption]")).toContainText("Ikke overholdt – 47 dager for sent");
  await expect(page.locator("[data-deadline-row=draft]")).toContainText("Overholdt (12 dager før fristen)");
  await expect(page.getByTestId("completion").locator("[data-kind=new]").getByRole("cell")).toHaveText(["4", "0", "0", "4", /^0\s%$/]);
  await page.screenshot({ path: "test-results/artifacts/planprogram.png", fullPage: true });
});

test("printing hides the navigation and filters, repeats table headers and fits A4", async ({ page, loginAs }) => {
  await loginAs("viewer");
  for (const path of ["/schedule", "/periods"]) {
    await page.goto(path);
    if (path === "/periods") await page.getByRole("link", { name: DEMO_PERIOD_NAME }).click();
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("navigation", { name: "Hovedmeny" })).toBeHidden();
    await expect(page.getByRole("button", { name: "Skriv ut" })).toBeHidden();
    await expect(page.locator("thead").first()).toHaveCSS("display", "table-header-group");
    if (path === "/schedule") {
      await expect(page.getByRole("form", { name: "Filtrer revisjonsplanen" })).toBeHidden();
      await expect(page.getByText(/^Utskrift /)).toBeVisible();
      // Each group after the first starts a new page.
      await expect(page.locator("main section").nth(1)).toHaveCSS("break-before", "page");
    }
    await page.pdf({ path: `test-results/artifacts/${path === "/schedule" ? "schedule" : "planprogram"}.pdf`, format: "A4" });
    await page.emulateMedia({ media: "screen" });
    await expect(page.getByRole("navigation", { name: "Hovedmeny" })).toBeVisible();
  }
});
