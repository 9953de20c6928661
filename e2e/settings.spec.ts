// The municipality's settings page: admins only, errors at the field with the typed input kept.
import { expect, expectAccessible, test } from "./fixtures";
import { e2eDb } from "./support/db";

test("an admin edits the settings: a bad e-mail is refused at the field, a good one is saved and audited", async ({ page, loginAs }) => {
  const original = await e2eDb().appSettings.findFirstOrThrow();
  await loginAs("admin");
  // The example data's municipality is the header's branding.
  await expect(page.getByRole("banner").getByText("Røros kommune")).toBeVisible();
  await page.getByRole("navigation", { name: "Hovedmeny" }).getByRole("link", { name: "Innstillinger" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Innstillinger" })).toBeVisible();
  await expect(page.getByLabel("Kommunens navn")).toHaveValue("Røros kommune");
  await expect(page.getByLabel(/Åpne innsyn/)).toBeChecked();
  await expectAccessible(page);

  await page.getByLabel("E-post for tilbakemelding om tilgjengelighet").fill("ikke en adresse");
  await page.getByRole("button", { name: "Lagre innstillinger" }).click();
  await expect(page.locator("#field-accessibilityContactEmail-error")).toHaveText("Skriv en gyldig e-postadresse.");
  await expect(page.getByLabel("E-post for tilbakemelding om tilgjengelighet")).toHaveValue("ikke en adresse");
  await expectAccessible(page);
  expect((await e2eDb().appSettings.findFirstOrThrow()).updatedAt).toEqual(original.updatedAt);

  const email = `tilgjengelighet-${Date.now()}@e2e.planregister.no`;
  await page.getByLabel("E-post for tilbakemelding om tilgjengelighet").fill(email);
  await page.getByRole("button", { name: "Lagre innstillinger" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Innstillingene er lagret." })).toBeVisible();
  const saved = await e2eDb().appSettings.findFirstOrThrow();
  expect(saved).toMatchObject({ municipalityName: "Røros kommune", innsynEnabled: true, accessibilityContactEmail: email });
  expect(await e2eDb().auditEvent.count({ where: { type: "settings.updated", after: { path: ["accessibilityContactEmail"], equals: email } } })).toBe(1);
  // Other tests read the example settings.
  await e2eDb().appSettings.updateMany({ data: { accessibilityContactEmail: original.accessibilityContactEmail } });
});
