// Issue 21 in the browser: innsyn's "På høring nå" (axe, 390 px), "høringsfrist utløpt" in words,
// case numbers as archive links, the plan form's answers to impossible periods and plan ids, and
// the settings page's link preview.
import { expect, expectAccessible, test } from "./fixtures";
import { e2eDb } from "./support/db";

const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()) + offset * DAY);
const CASE_TEMPLATE = "https://innsyn.e2e.example/journal?saksaar={saksaar}&sekvensnr={sekvensnr}";

test("a visitor finds the plans on consultation now, by deadline, on a phone; an ended one says høringsfrist utløpt", async ({ page, visit }) => {
  test.setTimeout(120_000);
  const tag = `Høring-${stamp()}`;
  const settings = await e2eDb().appSettings.findFirstOrThrow();
  await e2eDb().appSettings.updateMany({ data: { caseLinkTemplate: CASE_TEMPLATE } });
  try {
    const later = await e2eDb().plan.create({ data: { title: `${tag} senere frist`, type: "kommunedelplan", status: "pa_horing", caseNumber: "24/512", consultationFrom: day(-5), consultationTo: day(20), consultationUrl: "https://kommune.example/horing-b" } });
    const sooner = await e2eDb().plan.create({ data: { title: `${tag} nærmeste frist`, type: "temaplan", status: "pa_horing", caseNumber: "PS 12/24", consultationFrom: day(-5), consultationTo: day(3), consultationUrl: "https://kommune.example/horing-a" } });
    const ended = await e2eDb().plan.create({ data: { title: `${tag} avsluttet`, type: "temaplan", status: "pa_horing", consultationFrom: day(-50), consultationTo: day(-2) } });

    await page.setViewportSize({ width: 390, height: 844 });
    await visit("/innsyn");
    await page.getByRole("link", { name: "På høring nå" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "På høring nå" })).toBeVisible();
    await expectAccessible(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, "the page scrolls sideways at 390 px").toBeLessThanOrEqual(0);
    const mine = page.getByRole("table", { name: "Planer på høring, etter høringsfrist" }).getByRole("rowheader").filter({ hasText: tag });
    await expect(mine.getByRole("link")).toHaveText([`${tag} nærmeste frist`, `${tag} senere frist`]);
    await expect(page.getByRole("link", { name: `Høringsdokumentene for ${tag} nærmeste frist` })).toHaveAttribute("href", "https://kommune.example/horing-a");
    await expect(page.getByRole("main")).not.toContainText(`${tag} avsluttet`);

    // The plan's page: the deadline in words, the case number as an archive link.
    await mine.getByRole("link", { name: `${tag} senere frist` }).click();
    await expect(page).toHaveURL(`/innsyn/plans/${later.id}`);
    await expect(page.getByText(/^På høring til /)).toBeVisible();
    await expect(page.getByRole("link", { name: "24/512" })).toHaveAttribute("href", "https://innsyn.e2e.example/journal?saksaar=2024&sekvensnr=512");
    await expectAccessible(page);
    // A case number that does not fit the pattern stays plain text.
    await visit(`/innsyn/plans/${sooner.id}`);
    await expect(page.getByText("PS 12/24")).toBeVisible();
    await expect(page.getByRole("link", { name: "PS 12/24" })).toHaveCount(0);
    // Ended and not adopted since: in words, not only in colour.
    await visit(`/innsyn/plans/${ended.id}`);
    await expect(page.getByText(/^Høringsfrist utløpt /)).toBeVisible();
    // The innsyn register says the same in its list.
    await visit(`/innsyn?q=${encodeURIComponent(tag)}`);
    await expect(page.getByRole("row").filter({ hasText: `${tag} avsluttet` }).getByText(/Høringsfrist utløpt/)).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: `${tag} senere frist` }).getByText(/På høring til/)).toBeVisible();
    await expectAccessible(page);

    // The same list in the API, in the OpenAPI document's shape.
    const body = await (await page.request.get(`/api/v1/plans/${later.id}`)).json();
    expect(body).toMatchObject({ status: "pa_horing", consultation: { round: 1, state: "open", url: "https://kommune.example/horing-b", deadlinePassed: false } });
  } finally {
    await e2eDb().appSettings.updateMany({ data: { caseLinkTemplate: settings.caseLinkTemplate } });
  }
});

test("an editor's impossible consultation and bad plan ids get field messages with the typed values kept", async ({ page, loginAs }) => {
  test.setTimeout(120_000);
  const tag = `Arealdel-${stamp()}`;
  const holder = await e2eDb().plan.create({ data: { title: `${tag} holder`, type: "kommunedelplan", status: "under_utarbeidelse", nationalPlanId: `3024_${Date.now().toString().slice(-9)}` } });
  const plan = await e2eDb().plan.create({ data: { title: `${tag} ny`, type: "kommunedelplan", status: "under_utarbeidelse" } });
  await e2eDb().plan.create({ data: { title: `${tag} utløpt`, type: "temaplan", status: "pa_horing", consultationFrom: day(-40), consultationTo: day(-1) } });
  await loginAs("editor");
  // The register says it beside the status, in words.
  await page.goto(`/plans?q=${encodeURIComponent(tag)}`);
  await expect(page.getByRole("row").filter({ hasText: `${tag} utløpt` })).toContainText("Høringsfrist utløpt");
  await expectAccessible(page);
  await page.goto(`/plans/${plan.id}/edit`);
  const from = page.getByLabel("Høring fra", { exact: true });
  const to = page.getByLabel("Høringsfrist", { exact: true });
  await from.fill("21.02.2027");
  await to.fill("10.01.2027");
  await page.getByLabel("Nasjonal planID", { exact: true }).fill("201701");
  await page.getByRole("button", { name: "Lagre planen" }).click();
  await expect(page.getByText("Høringsfristen kan ikke være før høringen starter.")).toBeVisible();
  await expect(page.getByText(/^Skriv kommunenummer \(fire sifre\) og planidentifikasjon/)).toBeVisible();
  await expect(from).toHaveValue("21.02.2027");
  await expect(to).toHaveValue("10.01.2027");
  await expect(page.getByLabel("Nasjonal planID", { exact: true })).toHaveValue("201701");
  await expectAccessible(page);

  // Over a year: a warning, saved once confirmed; a plan id another plan has: refused at the field.
  await from.fill("10.01.2027");
  await to.fill("20.01.2028");
  await page.getByLabel("Nasjonal planID", { exact: true }).fill(holder.nationalPlanId!.replace("_", "-"));
  await page.getByRole("button", { name: "Lagre planen" }).click();
  await expect(page.getByText(/^Høringen varer i over ett år/)).toBeVisible();
  await page.getByLabel("Ja, høringen skal vare over ett år").check();
  await page.getByRole("button", { name: "Lagre planen" }).click();
  await expect(page.locator("#field-nationalPlanId-error")).toHaveText("En annen plan har allerede denne nasjonale planID-en.");
  await expect(page.getByRole("link", { name: `Åpne «${tag} holder».` })).toBeVisible();
  await expect(to).toHaveValue("20.01.2028");
  await expectAccessible(page);

  await page.getByLabel("Nasjonal planID", { exact: true }).fill("3024-77001");
  await page.getByRole("button", { name: "Lagre planen" }).click();
  await expect(page).toHaveURL(`/plans/${plan.id}?saved=updated`);
  const facts = page.getByLabel("Opplysninger om planen");
  await expect(facts.getByText("3024_77001")).toBeVisible();
  await expect(facts.getByText("21 Kommunedelplan")).toBeVisible();
  const saved = await e2eDb().plan.findUniqueOrThrow({ where: { id: plan.id } });
  expect(saved).toMatchObject({ nationalPlanId: "3024_77001", consultationTo: new Date("2028-01-20T00:00:00Z") });
  await e2eDb().plan.update({ where: { id: plan.id }, data: { nationalPlanId: null } });
});

test("an admin sets the archive link and sees its preview; a javascript: template is refused at the field", async ({ page, loginAs }) => {
  const original = await e2eDb().appSettings.findFirstOrThrow();
  await loginAs("admin");
  await page.goto("/admin/settings");
  const field = page.getByLabel("Lenke til saken i arkivet");
  await field.fill(CASE_TEMPLATE);
  await expect(page.getByTestId("caseLinkTemplate-preview").getByRole("link")).toHaveText("https://innsyn.e2e.example/journal?saksaar=2020&sekvensnr=1234");
  await field.fill("javascript:alert(1)//{saksnummer}");
  await expect(page.getByTestId("caseLinkTemplate-preview")).toContainText("Ingen lenke");
  await page.getByRole("button", { name: "Lagre innstillinger" }).click();
  await expect(page.getByText("Adressen må begynne med https:// eller http://.")).toBeVisible();
  await expect(field).toHaveValue("javascript:alert(1)//{saksnummer}");
  await expectAccessible(page);
  expect((await e2eDb().appSettings.findFirstOrThrow()).caseLinkTemplate).toBe(original.caseLinkTemplate);
});
