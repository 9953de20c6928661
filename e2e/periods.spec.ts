// Editors register a planning strategy; the app computes the legal deadlines and the overview
// follows the strategy of the current election period.
import { randomUUID } from "node:crypto";
import { test, expect } from "./fixtures";
import { e2eDb } from "./support/db";
import { isoDate, todayInOslo } from "../lib/dates";
import { electionPeriodOf } from "../lib/schedule/election";

const DAY = 86_400_000;

test("an editor registers the current planning strategy and sees the days left to adopt it", async ({ page, loginAs, visit }) => {
  test.setTimeout(90_000);
  await loginAs("editor");
  const today = todayInOslo();
  let constituted = new Date(today.getTime() - 100 * DAY);
  if (isoDate(constituted).endsWith("02-29")) constituted = new Date(constituted.getTime() - DAY);
  const deadline = Date.UTC(constituted.getUTCFullYear() + 1, constituted.getUTCMonth(), constituted.getUTCDate());
  const start = electionPeriodOf(today.getUTCFullYear()).startYear;
  const name = `Planstrategi ${start}–${start + 3} ${randomUUID().slice(0, 6)}`;

  await visit("/periods");
  await page.getByRole("link", { name: "Ny planstrategi" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ny planstrategi" })).toBeVisible();
  await visit("/periods/new");
  await page.getByLabel("Navn").fill(name);
  await page.getByLabel("Første år").fill(String(start));
  await page.getByLabel("Siste år").fill(String(start - 1));
  await page.getByLabel("Kommunestyret konstituert").fill(isoDate(constituted));
  await page.getByRole("button", { name: "Opprett planstrategi" }).click();
  // Refused next to the field, with what was typed kept, and nothing saved.
  await expect(page.getByLabel("Siste år")).toHaveAccessibleDescription("Planperioden kan ikke slutte før den begynner.");
  await expect(page.getByLabel("Navn")).toHaveValue(name);
  expect(await e2eDb().strategyPeriod.count({ where: { name } })).toBe(0);

  await page.getByLabel("Siste år").fill(String(start + 3));
  await page.getByRole("button", { name: "Opprett planstrategi" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Planstrategien er opprettet." })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const daysLeft = Math.round((deadline - today.getTime()) / DAY);
  await expect(page.locator("[data-deadline-row=adoption]")).toContainText(`${daysLeft} dager igjen`);
  await expect(page.locator("[data-deadline-row=draft]")).toContainText(`${daysLeft - 30} dager igjen`);
  await visit(page.url());
  const period = await e2eDb().strategyPeriod.findFirstOrThrow({ where: { name } });
  expect(await e2eDb().auditEvent.count({ where: { type: "period.created", entityId: String(period.id) } })).toBe(1);

  // A draft until the council adopts it: the overview says so, with the law's warning and the days left.
  await page.goto("/");
  const strategy = page.getByRole("region", { name: "Planstrategien" });
  await expect(strategy.getByTestId("strategy-draft")).toContainText(`${name} er et utkast, ikke vedtatt. Ingen planstrategi er registrert for valgperioden`);
  await expect(strategy).toContainText(`${daysLeft} dager igjen`);
});

test("a viewer reads the planning strategies but is not offered to register one", async ({ page, loginAs }) => {
  await loginAs("viewer");
  await page.goto("/periods");
  await expect(page.getByRole("heading", { level: 1, name: "Planstrategier" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Ny planstrategi" })).toHaveCount(0);
  const response = await page.goto("/periods/new");
  expect(response?.status()).toBe(403);
});

test("a long planprogram shows one page of decisions with each group's full count, and the download holds every decision", async ({ page, loginAs, visit }) => {
  const tag = randomUUID().slice(0, 6);
  const period = await e2eDb().strategyPeriod.create({ data: { name: `Planstrategi 2012–2015 ${tag}`, startYear: 2012, endYear: 2015 } });
  const plans = await e2eDb().plan.createManyAndReturn({
    data: Array.from({ length: 24 }, (_, i) => ({ title: i === 0 ? `=HYPERLINK("http://evil.example") ${tag}` : `Programplan ${tag} ${String(i).padStart(2, "0")}`, type: "temaplan" as const, status: "planlagt" as const })),
    select: { id: true },
  });
  await e2eDb().strategyDecision.createMany({ data: plans.map((p, i) => ({ periodId: period.id, planId: p.id, decision: i < 12 ? ("new" as const) : ("revise" as const), targetYear: 2014 })) });
  await loginAs("viewer");

  await visit(`/periods/${period.id}?size=10`);
  const program = page.getByRole("region", { name: "Planprogram", exact: true });
  await expect(program.locator("tbody tr")).toHaveCount(10);
  await expect(program.getByRole("heading", { level: 3 })).toHaveText(["Ny plan (12)"]);
  await expect(program.getByRole("status")).toHaveText("Viser vedtak 1–10 av 24.");
  // The completion counts all 24, not the page.
  await expect(page.getByTestId("completion").locator("[data-kind=new]").getByRole("cell")).toHaveText(["12", "0", "0", "12", /^0\s%$/]);
  await expect(page.getByTestId("completion").locator("[data-kind=overall]").getByRole("cell").first()).toHaveText("24");
  const pagination = page.getByRole("navigation", { name: /side/i });
  await expect(pagination).toContainText("Side 1 av 3");
  await pagination.getByRole("link", { name: /Neste/ }).click();
  await expect(page).toHaveURL(/size=10&page=2/);
  await expect(program.locator("tbody tr")).toHaveCount(10);
  await expect(program.getByRole("heading", { level: 3 })).toHaveText(["Ny plan (12)", "Revideres (12)"]);

  const download = page.waitForEvent("download");
  await program.getByRole("link", { name: "Last ned hele planprogrammet (CSV)" }).click();
  const chunks: Buffer[] = [];
  for await (const chunk of await (await download).createReadStream()) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  expect(text.startsWith("\uFEFF")).toBe(true);
  const lines = text.slice(1).split("\r\n").filter(Boolean);
  expect(lines).toHaveLength(25);
  expect(lines[0]).toBe("id;Plan;Type;Vedtatt;Vedtak;Målår;Ansvarlig enhet;Status;Gjennomført?;Arkivert");
  expect(new Set(lines.slice(1).map((l) => Number(l.split(";")[0])))).toEqual(new Set(plans.map((p) => p.id)));
  expect(text).toContain(`"'=HYPERLINK(""http://evil.example"") ${tag}"`);
  expect(lines.filter((l) => l.includes(";Ikke gjennomført;"))).toHaveLength(24);
});

test("on a phone every table that scrolls sideways on a planning strategy's page can be reached by keyboard", async ({ page, loginAs, visit }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await loginAs("viewer");
  const period = await e2eDb().strategyPeriod.findFirstOrThrow({ where: { decisions: { some: {} } }, orderBy: { id: "asc" } });
  // axe (in visit) runs scrollable-region-focusable at this width.
  await visit(`/periods/${period.id}`);
  for (const region of await page.locator("main [role=region][tabindex='0']").all()) {
    await region.focus();
    await expect(region).toBeFocused();
  }
  expect(await page.locator("main [role=region][tabindex='0']").count()).toBeGreaterThanOrEqual(3);
});
