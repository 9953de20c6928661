// Date fields take dates the way Norwegians write them, and a date that is not a date is a field
// error in the browser and on the server: never saved as "no date".
import { expect, expectAccessible, test } from "./fixtures";
import { e2eDb } from "./support/db";

const INVALID = "Dette er ikke en gyldig dato.";

async function planTitled(title: string) {
  return e2eDb().plan.create({ data: { title, type: "temaplan", status: "planlagt" } });
}

test("30.02.2023, 31/06 and 2023-13-01 are field errors and nothing is saved; 16.6.2022 saves 16 June 2022", async ({ page, loginAs }) => {
  test.setTimeout(120_000);
  const plan = await planTitled(`Datoplan ${Date.now()}`);
  await loginAs("editor");
  await page.goto(`/plans/${plan.id}/edit`);
  const due = page.getByLabel("Revideres innen", { exact: true });
  await expect(due).toHaveAccessibleDescription(/dd\.mm\.åååå/);
  for (const typed of ["30.02.2023", "31/06", "2023-13-01"]) {
    await due.fill(typed);
    // In the browser, on leaving the field.
    await due.press("Tab");
    await expect(due).toHaveAttribute("aria-invalid", "true");
    await expect(due).toHaveAccessibleDescription(new RegExp(INVALID));
    // And on the server, on saving: the typed text comes back with the error, nothing is stored.
    await page.getByRole("button", { name: "Lagre planen" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Rett feltene som er merket." })).toBeVisible();
    await expect(due).toHaveValue(typed);
    await expect(due).toHaveAccessibleDescription(new RegExp(INVALID));
    expect(await e2eDb().plan.findUniqueOrThrow({ where: { id: plan.id } })).toMatchObject({ revisionDueOn: null, version: 1 });
  }
  await expectAccessible(page);
  await due.fill("16.6.2022");
  await due.press("Tab");
  // Written back the Norwegian way, and no error.
  await expect(due).toHaveValue("16.06.2022");
  await expect(due).not.toHaveAttribute("aria-invalid", "true");
  await page.getByRole("button", { name: "Lagre planen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Endringene er lagret." })).toBeVisible();
  const saved = await e2eDb().plan.findUniqueOrThrow({ where: { id: plan.id } });
  expect(saved.revisionDueOn?.toISOString().slice(0, 10)).toBe("2022-06-16");
  await expect(page.getByText("16. juni 2022").first()).toBeVisible();
  await page.goto(`/plans/${plan.id}/edit`);
  await expect(page.getByLabel("Revideres innen", { exact: true })).toHaveValue("16.06.2022");
});

test("a planning strategy's dates: 31.06.2023 is a field error, 1.10.2023 is saved", async ({ page, loginAs }) => {
  await loginAs("editor");
  const name = `Planstrategi datoer ${Date.now()}`;
  await page.goto("/periods/new");
  await page.getByLabel("Navn", { exact: true }).fill(name);
  const constituted = page.getByLabel("Kommunestyret konstituert", { exact: true });
  await constituted.fill("31.06.2023");
  await page.getByRole("button", { name: "Opprett planstrategi" }).click();
  await expect(constituted).toHaveAccessibleDescription(new RegExp(INVALID));
  await expect(constituted).toHaveValue("31.06.2023");
  expect(await e2eDb().strategyPeriod.count({ where: { name } })).toBe(0);
  await expectAccessible(page);
  await constituted.fill("1.10.2023");
  await page.getByRole("button", { name: "Opprett planstrategi" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const period = await e2eDb().strategyPeriod.findFirstOrThrow({ where: { name } });
  expect(period.councilConstitutedOn?.toISOString().slice(0, 10)).toBe("2023-10-01");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the server refuses an impossible date next to the field and saves a Norwegian one", async ({ page, loginAs }) => {
    const plan = await planTitled(`Datoplan uten skript ${Date.now()}`);
    await loginAs("editor");
    await page.goto(`/plans/${plan.id}/edit`);
    const adopted = page.getByLabel("Vedtatt dato", { exact: true });
    await adopted.fill("30.02.2023");
    await page.getByRole("button", { name: "Lagre planen" }).click();
    await expect(adopted).toHaveAccessibleDescription(new RegExp(INVALID));
    await expect(adopted).toHaveValue("30.02.2023");
    expect((await e2eDb().plan.findUniqueOrThrow({ where: { id: plan.id } })).adoptedOn).toBeNull();
    await adopted.fill("16.06.2022");
    await page.getByRole("button", { name: "Lagre planen" }).click();
    await expect(page.getByRole("heading", { level: 1, name: plan.title })).toBeVisible();
    expect((await e2eDb().plan.findUniqueOrThrow({ where: { id: plan.id } })).adoptedOn?.toISOString().slice(0, 10)).toBe("2022-06-16");
  });
});
