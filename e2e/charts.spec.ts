// The overview's and a planning strategy's charts: drawn on the server as SVG with a text
// alternative, the same figures as a table, accessible at desktop and phone widths, and printable.
import { expect, expectAccessible, test } from "./fixtures";
import { e2eDb } from "./support/db";

test("the overview charts plans falling due per year by status, with the figures as a table", async ({ page, loginAs }) => {
  const year = new Date().getUTCFullYear() + 5;
  await e2eDb().plan.create({ data: { title: `Diagramplan ${Date.now()}`, type: "temaplan", status: "under_revisjon", adoptedOn: new Date("2020-03-01"), adoptedBy: "kommunestyret", revisionDueOn: new Date(`${year}-03-01`) } });
  const expected = await e2eDb().$queryRaw<{ status: string; n: bigint }[]>`
    SELECT status::text AS status, count(*) AS n FROM plans
    WHERE archived_at IS NULL AND status NOT IN ('opphevet', 'erstattet') AND extract(year FROM revision_due_on) = ${year} GROUP BY 1`;
  const n = (s: string) => String(Number(expected.find((r) => r.status === s)?.n ?? 0));
  await loginAs("viewer");
  await page.goto("/");
  const figure = page.getByRole("figure", { name: "Planer som skal revideres, per år og status" });
  const chart = figure.getByRole("img");
  await expect(chart).toHaveAttribute("aria-label", /aktive planer med revisjonsfrist fra .* stablet etter status/);
  expect(await chart.evaluate((el) => el.tagName.toLowerCase())).toBe("svg");
  // Plot draws a ⚠ into the chart when a channel could not be drawn as asked.
  expect(await chart.textContent()).not.toContain("⚠");
  // Bars carry a pattern as well as a colour, named in the legend.
  expect(await figure.locator("svg rect[fill^='url(#due-chart-fill-1)']").count()).toBeGreaterThan(0);
  await expect(figure.getByRole("listitem").filter({ hasText: "Under revisjon" })).toBeVisible();
  const row = figure.getByTestId("due-chart-table").locator(`tr[data-year="${year}"]`);
  await expect(row.locator("td").nth(1)).toHaveText(n("vedtatt"));
  await expect(row.locator("td").nth(2)).toHaveText(n("under_revisjon"));
  await expect(row.locator("td").nth(0)).toHaveText(/\d{4}–\d{4}/);
  await figure.screenshot({ path: test.info().outputPath("overview-chart-1366.png") });
  await expectAccessible(page);
  await page.emulateMedia({ media: "print" });
  await expect(chart).toBeVisible();
  await page.emulateMedia({ media: "screen" });
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page);
  const box = await chart.boundingBox();
  expect(box!.width).toBeLessThanOrEqual(390);
});

test("a planning strategy charts its completion per decision kind, with the completion table", async ({ page, loginAs }) => {
  const tag = Date.now();
  const period = await e2eDb().strategyPeriod.create({ data: { name: `Planstrategi diagram ${tag}`, startYear: 2024, endYear: 2027, adoptedOn: new Date("2024-10-01"), adoptedBy: "kommunestyret" } });
  const plans = await Promise.all([0, 1, 2].map((i) => e2eDb().plan.create({ data: { title: `Strategiplan ${tag} ${i}`, type: "temaplan", status: i === 0 ? "vedtatt" : "planlagt", adoptedOn: i === 0 ? new Date("2025-01-10") : null, adoptedBy: i === 0 ? "kommunestyret" : null } })));
  await e2eDb().strategyDecision.createMany({ data: plans.map((p) => ({ periodId: period.id, planId: p.id, decision: "new" as const })) });
  await loginAs("viewer");
  await page.goto(`/periods/${period.id}`);
  const figure = page.getByRole("figure", { name: "Gjennomføring per type vedtak" });
  await expect(figure.getByRole("img")).toHaveAttribute("aria-label", /Ny plan: 33\s?% \(1 av 3\)/);
  await expect(figure.locator("svg text").filter({ hasText: "(1 av 3)" })).toHaveCount(1);
  expect(await figure.getByRole("img").textContent()).not.toContain("⚠");
  await expect(figure.getByTestId("completion").locator('tr[data-kind="new"]')).toContainText("3");
  await figure.screenshot({ path: test.info().outputPath("completion-chart-1366.png") });
  await expectAccessible(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page);
});

test("the timeline on a phone: year labels do not overlap and plan names are whole", async ({ page, loginAs }) => {
  const title = `En plan med et langt navn som må kunne leses på telefonen ${Date.now()}`;
  await e2eDb().plan.create({ data: { title, type: "temaplan", status: "vedtatt", adoptedOn: new Date("2012-01-01"), adoptedBy: "kommunestyret", revisionDueOn: new Date("2036-01-01") } });
  await page.setViewportSize({ width: 390, height: 844 });
  await loginAs("viewer");
  await page.goto("/schedule?group=none&size=200");
  const timeline = page.getByTestId("timeline");
  const labels = await timeline.locator("[data-year]").evaluateAll((els) =>
    els.map((el) => el.getBoundingClientRect()).filter((r) => r.width > 0).map((r) => [r.left, r.right]),
  );
  expect(labels.length).toBeGreaterThan(1);
  for (let i = 1; i < labels.length; i++) expect(labels[i]![0]!, "year labels overlap").toBeGreaterThanOrEqual(labels[i - 1]![1]!);
  await timeline.screenshot({ path: test.info().outputPath("timeline-390.png") });
  const name = timeline.getByTestId("timeline-title").filter({ hasText: title });
  await expect(name).toBeVisible();
  expect(await name.evaluate((el) => el.scrollWidth <= el.clientWidth + 1 && el.getBoundingClientRect().right <= window.innerWidth)).toBe(true);
  await expectAccessible(page);
});
