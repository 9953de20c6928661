// Editors register a planning strategy; the app computes the legal deadlines and the overview
// follows the strategy of the current election period.
import { randomUUID } from "node:crypto";
import { test, expect } from "./fixtures";
import { e2eDb } from "./support/db";
import { isoDate, todayInOslo } from "../lib/dates";
import { electionPeriodOf } from "../lib/schedule/election";

const DAY = 86_400_000;

test("an editor registers the current planning strategy and sees the days left to adopt it", async ({ page, loginAs, visit }) => {
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
  const period = await e2eDb().strategyPeriod.findUniqueOrThrow({ where: { name } });
  expect(await e2eDb().auditEvent.count({ where: { type: "period.created", entityId: String(period.id) } })).toBe(1);

  // Adopting it is an edit; the overview then follows it as the current strategy.
  await page.getByRole("link", { name: "Endre planstrategien" }).click();
  await page.getByLabel("Vedtatt dato").fill(isoDate(today));
  await page.getByLabel("Vedtatt av").selectOption("kommunestyret");
  await page.getByRole("button", { name: "Lagre" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Endringene er lagret." })).toBeVisible();
  await expect(page.locator("[data-deadline-row=adoption]")).toContainText(`Overholdt (${daysLeft} dager før fristen)`);
  await page.goto("/");
  await expect(page.getByRole("region", { name: "Planstrategien" })).toContainText(`${name} gjelder valgperioden nå.`);
});

test("a viewer reads the planning strategies but is not offered to register one", async ({ page, loginAs }) => {
  await loginAs("viewer");
  await page.goto("/periods");
  await expect(page.getByRole("heading", { level: 1, name: "Planstrategier" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Ny planstrategi" })).toHaveCount(0);
  const response = await page.goto("/periods/new");
  expect(response?.status()).toBe(403);
});
