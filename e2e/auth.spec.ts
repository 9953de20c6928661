import { expect, expectAccessible, signInThroughForm, test } from "./fixtures";
import { demoUsers } from "../prisma/seed/demo";
import { createE2eUser, e2eDb, E2E_PASSWORD } from "./support/db";

test("a signed-out visitor is sent to sign-in and comes back to the page asked for", async ({ page }) => {
  const plan = await e2eDb().plan.findFirstOrThrow({ where: { title: "Folkehelseplan" } });
  await page.goto(`/plans/${plan.id}`);
  await expect(page).toHaveURL(new RegExp(`/login\\?next=%2Fplans%2F${plan.id}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Logg inn" })).toBeVisible();
  await expectAccessible(page);
  const viewer = demoUsers.find((u) => u.role === "viewer")!;
  await page.getByLabel("E-postadresse").fill(viewer.email);
  await page.getByLabel("Passord").fill(viewer.password);
  await page.getByRole("button", { name: "Logg inn", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Folkehelseplan" })).toBeVisible();
});

for (const demo of demoUsers) {
  test(`the demo ${demo.role} signs in and sees what the role allows`, async ({ page }) => {
    await signInThroughForm(page, demo.email, demo.password);
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByText(`Innlogget som ${demo.name}`)).toBeVisible();
    await expectAccessible(page);
    const usersLink = page.getByRole("navigation", { name: "Hovedmeny" }).getByRole("link", { name: "Brukere" });
    if (demo.role === "admin") {
      await usersLink.click();
      await expect(page.getByRole("heading", { level: 1, name: "Brukere" })).toBeVisible();
      await expectAccessible(page);
    } else {
      await expect(usersLink).toHaveCount(0);
      const response = await page.goto("/admin/users/new");
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("heading", { level: 1, name: "Ingen tilgang" })).toBeVisible();
      await expectAccessible(page);
    }
  });
}

test("a wrong password is answered next to the form, and the typed e-mail stays", async ({ page }) => {
  const user = await createE2eUser("viewer");
  await signInThroughForm(page, user.email, "not the password at all");
  await expect(page.getByRole("alert").filter({ hasText: "Feil" })).toHaveText("Feil e-postadresse eller passord.");
  await expect(page.getByLabel("E-postadresse")).toHaveValue(user.email);
  await expectAccessible(page);
});

test("an admin creates an editor, who sets a password through the link and signs in; deactivated, the editor's open session is thrown out", async ({ page, browser, loginAs }) => {
  await loginAs("admin");
  await page.goto("/admin/users/new");
  await expectAccessible(page);
  const email = `kari-${Date.now()}@e2e.planregister.no`;
  await page.getByLabel("Navn").fill("Kari Planlegger");
  await page.getByLabel("E-postadresse").fill(email);
  await page.getByLabel("Rolle").selectOption("editor");
  await page.getByRole("button", { name: "Opprett bruker" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Brukeren er opprettet." })).toBeVisible();
  const link = await page.getByLabel("Engangslenke").inputValue();
  expect(link).toMatch(/\/set-password\/[\w-]{40,}$/);
  await expectAccessible(page);

  const editorContext = await browser.newContext();
  const editor = await editorContext.newPage();
  await editor.goto(link);
  await expect(editor.getByRole("heading", { level: 1, name: "Velg passord" })).toBeVisible();
  await expectAccessible(editor);
  await editor.getByLabel("Nytt passord").fill("kort");
  await editor.getByLabel("Gjenta passordet").fill("kort");
  await editor.getByRole("button", { name: "Lagre passord" }).click();
  await expect(editor.getByText("Passordet må ha minst 12 tegn.")).toBeVisible();
  await editor.getByLabel("Nytt passord").fill(E2E_PASSWORD);
  await editor.getByLabel("Gjenta passordet").fill(E2E_PASSWORD);
  await editor.getByRole("button", { name: "Lagre passord" }).click();
  await expect(editor.getByText("Passordet er lagret. Du kan nå logge inn.")).toBeVisible();
  await signInThroughForm(editor, email, E2E_PASSWORD);
  await expect(editor).toHaveURL(/\/$/);
  await expect(editor.getByText("Innlogget som Kari Planlegger")).toBeVisible();

  // The admin deactivates the editor; the editor's very next request is refused.
  await page.goto("/admin/users");
  await page.getByRole("searchbox", { name: "Søk i navn og e-post" }).fill(email);
  await page.getByRole("button", { name: "Søk" }).click();
  await page.getByRole("link", { name: "Kari Planlegger" }).click();
  await expectAccessible(page);
  // Deactivating asks for a confirmation first, and says afterwards what it did.
  await page.getByRole("button", { name: "Deaktiver brukeren" }).click();
  await expect(page.getByText("Kryss av for å bekrefte at brukeren skal deaktiveres.")).toBeVisible();
  await page.getByLabel("Ja, deaktiver brukeren. Alle innloggingene blir avsluttet.").check();
  await page.getByRole("button", { name: "Deaktiver brukeren" }).click();
  await expect(page.getByRole("definition").filter({ hasText: "Deaktivert" })).toBeVisible();
  await expect(page.getByText("Brukeren er deaktivert og logget ut.")).toBeVisible();
  await expectAccessible(page);

  await editor.goto("/plans");
  await expect(editor).toHaveURL(/\/login\?next=%2Fplans$/);
  await expect(editor.getByRole("status").filter({ hasText: "Økten din er avsluttet. Logg inn på nytt." })).toBeVisible();
  await editorContext.close();
});

test("signing out ends the session on the server, not only in the browser", async ({ page, loginAs }) => {
  await loginAs("viewer");
  const cookie = (await page.context().cookies()).find((c) => c.name === "__Host-planregister.session")!;
  await page.getByRole("button", { name: "Logg ut" }).click();
  await expect(page.getByRole("status")).toHaveText("Du er logget ut.");
  await page.context().addCookies([{ ...cookie }]);
  await page.goto("/plans");
  await expect(page).toHaveURL(/\/login/);
});

test("a user changes their own password; mistakes are shown next to the fields", async ({ page, loginAs }) => {
  await loginAs("editor");
  await page.getByRole("link", { name: "Min konto" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Min konto" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Nåværende passord").fill("wrong current password");
  await page.getByLabel("Nytt passord", { exact: true }).fill("passwordpassword");
  await page.getByLabel("Gjenta nytt passord").fill("something else entirely");
  await page.getByRole("button", { name: "Bytt passord" }).click();
  await expect(page.getByText("Passordet er for vanlig eller lett å gjette.", { exact: false })).toBeVisible();
  await expect(page.getByText("Passordene er ikke like.")).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Nåværende passord").fill(E2E_PASSWORD);
  await page.getByLabel("Nytt passord", { exact: true }).fill("Rødt-Eple-Vinterstorm-2031");
  await page.getByLabel("Gjenta nytt passord").fill("Rødt-Eple-Vinterstorm-2031");
  await page.getByRole("button", { name: "Bytt passord" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Passordet er byttet." })).toBeVisible();
  // This browser stays signed in with the new session.
  await page.goto("/plans");
  await expect(page).toHaveURL(/\/plans$/);
});
