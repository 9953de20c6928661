import { expect, expectAccessible, test } from "./fixtures";
import { e2eDb } from "./support/db";

test("an editor creates a plan with SDG targets, a relation and a link, finds it, edits it, loses a race politely, and a viewer reads it", async ({ page, browser, loginAs }) => {
  test.setTimeout(120_000);
  const title = `Kulturplan ${Date.now()}`;
  await loginAs("editor");
  await page.getByRole("navigation", { name: "Hovedmeny" }).getByRole("link", { name: "Planer" }).click();
  await page.getByRole("link", { name: "Ny plan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ny plan" })).toBeVisible();
  await expectAccessible(page);

  // First a mistake: the server answers next to the fields and keeps what was typed.
  await page.getByLabel("Tittel", { exact: true }).fill(title);
  await page.getByLabel("Status", { exact: true }).selectOption("vedtatt");
  await page.getByLabel("Planperiode fra (år)", { exact: true }).fill("2030");
  await page.getByLabel("Planperiode til (år)", { exact: true }).fill("2026");
  await page.getByRole("button", { name: "Opprett planen" }).click();
  await expect(page.getByText("En vedtatt plan må ha vedtaksdato.")).toBeVisible();
  await expect(page.getByText("Planperioden kan ikke slutte før den begynner.")).toBeVisible();
  await expect(page.getByLabel("Tittel", { exact: true })).toHaveValue(title);
  await expectAccessible(page);

  await page.getByLabel("Type", { exact: true }).selectOption("temaplan");
  await page.getByLabel("Vedtatt dato", { exact: true }).fill("2025-06-19");
  await page.getByLabel("Vedtatt av", { exact: true }).selectOption("kommunestyret");
  await page.getByLabel("Revideres innen", { exact: true }).fill("2029-06-30");
  await page.getByLabel("Planperiode fra (år)", { exact: true }).fill("2025");
  await page.getByLabel("Planperiode til (år)", { exact: true }).fill("2029");
  await page.getByLabel("Ansvarlig enhet", { exact: true }).fill("Kultur og fritid");
  await page.getByLabel("Søk i delmålene").fill("11.4");
  await page.getByLabel(/^11\.4 /).check();
  await page.getByLabel("Søk i delmålene").fill("4.7");
  await page.getByLabel(/^4\.7 /).check();
  await expect(page.getByText("2 delmål valgt")).toBeVisible();
  await page.getByLabel("Tekst").first().fill("Høringsutkast");
  await page.getByLabel("Nettadresse").first().fill("https://kommune.example/kulturplan.pdf");
  await page.getByLabel("Søk etter plan").fill("Folkehelse");
  await page.getByLabel("Sammenheng", { exact: true }).first().selectOption("supports");
  await page.getByLabel("Plan", { exact: true }).first().selectOption({ label: "Folkehelseplan" });
  await page.getByRole("button", { name: "Opprett planen" }).click();

  await expect(page.getByRole("status").filter({ hasText: "Planen er opprettet." })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("11.4", { exact: true })).toBeVisible();
  await expect(page.getByText("4.7", { exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "Sammenheng med andre planer" })).toContainText("Støtter: Folkehelseplan");
  await expect(page.getByRole("link", { name: "Høringsutkast" })).toHaveAttribute("href", "https://kommune.example/kulturplan.pdf");
  await expectAccessible(page);
  const planUrl = page.url().replace(/\?.*$/, "");

  // Found with search and two filters.
  await page.goto("/plans");
  await page.getByLabel("Søk i tittel, sammendrag og saksnummer").fill("Kulturplan");
  await page.getByLabel("Type", { exact: true }).selectOption("temaplan");
  await page.getByLabel("Ansvarlig enhet", { exact: true }).selectOption("Kultur og fritid");
  await page.getByRole("button", { name: "Vis" }).click();
  await expect(page).toHaveURL(/q=Kulturplan.*type=temaplan.*unit=Kultur/);
  await expect(page.getByRole("rowheader", { name: title })).toBeVisible();
  await expectAccessible(page);

  // Two editors open the same version; the second save is refused with what changed.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  const { signInThroughForm } = await import("./fixtures");
  const { createE2eUser, E2E_PASSWORD } = await import("./support/db");
  const ola = await createE2eUser("editor", { name: "Ola Planlegger" });
  await signInThroughForm(otherPage, ola.email, E2E_PASSWORD);
  await expect(otherPage).toHaveURL(/\/$/);
  await otherPage.goto(`${planUrl}/edit`);
  await page.goto(`${planUrl}/edit`);
  await expectAccessible(page);
  await page.getByLabel("Status", { exact: true }).selectOption("under_revisjon");
  await page.getByLabel("Sammendrag", { exact: true }).fill("Revideres etter ny kulturlov.");
  await page.getByRole("button", { name: "Lagre planen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Endringene er lagret." })).toBeVisible();

  await otherPage.getByLabel("Ansvarlig enhet", { exact: true }).fill("Olas enhet");
  await otherPage.getByRole("button", { name: "Lagre planen" }).click();
  await expect(otherPage.getByRole("alert").filter({ hasText: "endret av noen andre" })).toBeVisible();
  await expect(otherPage.getByText(/Status, Sammendrag/)).toBeVisible();
  await expect(otherPage.getByLabel("Ansvarlig enhet", { exact: true })).toHaveValue("Olas enhet");
  await expectAccessible(otherPage);
  await other.close();

  // The history shows who changed what from what to what.
  await page.goto(planUrl);
  const history = page.getByRole("region", { name: "Endringslogg" });
  // Newest first: the edit, then the creation.
  await expect(history.getByRole("row", { name: /^Status/ }).first().getByRole("cell")).toHaveText(["Vedtatt / gjeldende", "Under revisjon"]);
  await expect(history.getByRole("row", { name: /^Sammendrag/ }).first().getByRole("cell")).toHaveText(["(tomt)", "Revideres etter ny kulturlov."]);
  await expect(history).toContainText("Opprettet");
  const plan = await e2eDb().plan.findFirstOrThrow({ where: { title } });
  expect(plan.responsibleUnit).toBe("Kultur og fritid");

  // A viewer reads it, with no edit controls.
  await page.context().clearCookies();
  await loginAs("viewer");
  await page.goto(planUrl);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("link", { name: "Endre planen" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Arkiver planen" })).toHaveCount(0);
  await expectAccessible(page);
  const refused = await page.goto(`${planUrl}/edit`);
  expect(refused?.status()).toBe(403);
});

test("the plan form works with the keyboard alone", async ({ page, loginAs }) => {
  await loginAs("editor");
  await page.goto("/plans/new");
  await page.getByLabel("Tittel", { exact: true }).focus();
  await page.keyboard.type(`Tastaturplan ${Date.now()}`);
  // Tab through to the SDG search, narrow, and tick a target with the space bar.
  await page.getByLabel("Søk i delmålene").focus();
  await page.keyboard.type("13.2");
  await page.keyboard.press("Tab"); // the goal's summary (opened by the search)
  await page.keyboard.press("Tab"); // its first matching target
  await expect(page.getByLabel(/^13\.2 /)).toBeFocused();
  await page.keyboard.press("Space");
  await expect(page.getByText("1 delmål valgt")).toBeVisible();
  await page.getByRole("button", { name: "Opprett planen" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Planen er opprettet." })).toBeVisible();
  await expect(page.getByText("13.2", { exact: true })).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an editor creates a plan with a target and a document link", async ({ page, loginAs }) => {
    await loginAs("editor");
    const title = `Uten skript ${Date.now()}`;
    await page.goto("/plans/new");
    await page.getByLabel("Tittel", { exact: true }).fill(title);
    await page.locator("summary", { hasText: /^3\. / }).click();
    await page.getByLabel(/^3\.4 /).check();
    await page.getByLabel("Tekst").first().fill("Vedtak");
    await page.getByLabel("Nettadresse").first().fill("https://kommune.example/vedtak");
    await page.getByRole("button", { name: "Opprett planen" }).click();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByText("3.4", { exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: "Vedtak" })).toBeVisible();
  });
});
