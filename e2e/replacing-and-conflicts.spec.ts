// A plan that replaces another ends it (and says so before saving); archiving from a stale page
// is refused like a stale save; a taken title leads to the plan that has it.
import { expect, expectAccessible, test } from "./fixtures";
import { e2eDb } from "./support/db";

const adopted = { type: "temaplan" as const, status: "vedtatt" as const, adoptedOn: new Date("2019-06-16"), adoptedBy: "kommunestyret" as const };

test("a plan saved as adopted and replacing another makes the other erstattet, and its history shows it", async ({ page, loginAs }) => {
  test.setTimeout(120_000);
  const stamp = Date.now();
  const old = await e2eDb().plan.create({ data: { ...adopted, title: `Handlingsplan mot vold ${stamp}` } });
  const title = `Ny handlingsplan mot vold ${stamp}`;
  await loginAs("editor");
  await page.goto("/plans/new");
  await page.getByLabel("Tittel", { exact: true }).fill(title);
  await page.getByLabel("Status", { exact: true }).selectOption("vedtatt");
  await page.getByLabel("Vedtatt dato", { exact: true }).fill("1.2.2025");
  await page.getByLabel("Vedtatt av", { exact: true }).selectOption("kommunestyret");
  await page.getByLabel("Søk etter plan").fill(String(stamp));
  await page.getByLabel("Sammenheng", { exact: true }).first().selectOption("replaces");
  await page.getByLabel("Plan", { exact: true }).first().selectOption({ label: old.title });
  // Said before saving.
  await expect(page.getByText(`settes «${old.title}» til «Erstattet»`)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Opprett planen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  expect(await e2eDb().plan.findUniqueOrThrow({ where: { id: old.id } })).toMatchObject({ status: "erstattet", version: 2 });

  await page.goto(`/plans/${old.id}`);
  const history = page.getByRole("region", { name: "Endringslogg" });
  await expect(history.getByRole("listitem").first()).toContainText("Satt til erstattet av");
  await expect(history.getByRole("link", { name: title })).toBeVisible();
  await expect(history.getByRole("listitem").first().getByRole("row", { name: /Status/ })).toContainText("Erstattet");
  await expectAccessible(page);

  // Taking the relation away again warns that the old plan stays replaced, and it does.
  const created = await e2eDb().plan.findFirstOrThrow({ where: { title } });
  await page.goto(`/plans/${created.id}/edit`);
  await page.getByRole("button", { name: "Fjern: Sammenheng 1" }).click();
  await expect(page.getByText(`«${old.title}» forblir «Erstattet»`)).toBeVisible();
  await page.getByRole("button", { name: "Lagre planen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Endringene er lagret." })).toBeVisible();
  expect((await e2eDb().plan.findUniqueOrThrow({ where: { id: old.id } })).status).toBe("erstattet");
});

test("archiving from a stale page is refused with who changed what", async ({ page, loginAs }) => {
  const plan = await e2eDb().plan.create({ data: { ...adopted, title: `Arkivplan ${Date.now()}` } });
  const editor = await loginAs("editor");
  await page.goto(`/plans/${plan.id}`);
  // Meanwhile, in another tab, the plan is edited.
  const other = await page.context().newPage();
  await other.goto(`/plans/${plan.id}/edit`);
  await other.getByLabel("Ansvarlig enhet", { exact: true }).fill("Oppvekst");
  await other.getByRole("button", { name: "Lagre planen" }).click();
  await expect(other.getByRole("status").filter({ hasText: "Endringene er lagret." })).toBeVisible();
  await other.close();

  await page.getByRole("button", { name: "Arkiver planen" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "endret av noen andre" })).toBeVisible();
  await expect(page.getByText(new RegExp(`${editor.name}, .*: Ansvarlig enhet`))).toBeVisible();
  expect(await e2eDb().plan.findUniqueOrThrow({ where: { id: plan.id } })).toMatchObject({ archivedAt: null, version: 2 });
  await expectAccessible(page);
});

test("refusing a duplicate title links to the existing plan", async ({ page, loginAs }) => {
  const existing = await e2eDb().plan.create({ data: { title: `Boligsosial plan ${Date.now()}`, type: "temaplan", status: "planlagt" } });
  await loginAs("editor");
  await page.goto("/plans/new");
  await page.getByLabel("Tittel", { exact: true }).fill(existing.title.toUpperCase());
  await page.getByLabel("Type", { exact: true }).selectOption("temaplan");
  await page.getByRole("button", { name: "Opprett planen" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "Det finnes allerede en aktiv plan" });
  await expect(alert.getByRole("link", { name: `Åpne «${existing.title}».` })).toHaveAttribute("href", `/plans/${existing.id}`);
  await expectAccessible(page);
});

test("the schedule's type filter keeps several types", async ({ page, loginAs }) => {
  await loginAs("viewer");
  await page.goto("/schedule?type=temaplan&type=strategi&group=none");
  await expect(page.getByLabel("Temaplan", { exact: true })).toBeChecked();
  await expect(page.getByLabel("Strategi", { exact: true })).toBeChecked();
  await page.getByLabel("Handlingsplan", { exact: true }).check();
  await page.getByRole("button", { name: "Vis" }).click();
  await expect(page).toHaveURL(/type=temaplan&type=strategi&type=handlingsplan/);
  await expect(page.getByLabel("Handlingsplan", { exact: true })).toBeChecked();
  await expectAccessible(page);
});
