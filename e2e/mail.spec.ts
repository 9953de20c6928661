// Mail in the browser: the account page's choices, the admin's mail log and test mail to a real
// SMTP server (run here), and unsubscribe links that work without signing in.
import { expect, expectAccessible, test } from "./fixtures";
import { createE2eUser, e2eDb } from "./support/db";
import { readE2eState } from "./state";
import { startTestSmtp, type TestSmtp } from "../tests/support/smtp";

const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2545);

async function token(userId: number, kind: "owner_reminder" | "weekly_digest" | "quarterly_summary") {
  // Signed with the server's secret, as the worker signs the links it puts in mail.
  process.env.NEXTAUTH_SECRET = readE2eState().secret;
  const { unsubscribeToken } = await import("../lib/mail/unsubscribe-token");
  return unsubscribeToken(userId, kind);
}

test("an editor turns the weekly digest on and off on the account page", async ({ page, loginAs }) => {
  const user = await loginAs("editor");
  await page.goto("/account");
  const digest = page.getByLabel(/Ukeoversikt for planleggere/);
  await expect(page.getByRole("heading", { name: "E-post" })).toBeVisible();
  await expect(page.getByLabel(/Påminnelser om revisjon/)).toBeChecked();
  await expect(digest).not.toBeChecked();
  await expectAccessible(page);

  await digest.check();
  await page.getByLabel("Språk i e-post").selectOption("en");
  await page.getByRole("button", { name: "Lagre e-postvalg" }).click();
  await expect(page.getByRole("status").filter({ hasText: "E-postvalgene er lagret." })).toBeVisible();
  await expect(digest).toBeChecked();
  expect(await e2eDb().user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ mailWeeklyDigest: true, mailLocale: "en", mailOwnerReminders: true });
  await expectAccessible(page);

  await digest.uncheck();
  await page.getByRole("button", { name: "Lagre e-postvalg" }).click();
  // The first save's message is still shown: wait for the second save itself.
  await expect.poll(async () => (await e2eDb().user.findUniqueOrThrow({ where: { id: user.id } })).mailWeeklyDigest, { timeout: 15_000 }).toBe(false);
  await page.reload();
  await expect(page.getByLabel(/Ukeoversikt for planleggere/)).not.toBeChecked();
  expect(await e2eDb().auditEvent.count({ where: { type: "user.mail_preferences_changed", entityId: String(user.id) } })).toBe(2);
});

test("a viewer is offered the quarterly summary, not the editors' weekly digest", async ({ page, loginAs }) => {
  await loginAs("viewer");
  await page.goto("/account");
  await expect(page.getByLabel(/Kvartalsrapport/)).not.toBeChecked();
  await expect(page.getByLabel(/Ukeoversikt/)).toHaveCount(0);
});

test.describe("with the test SMTP server", () => {
  let smtp: TestSmtp;
  test.beforeAll(async () => {
    smtp = await startTestSmtp(SMTP_PORT);
  });
  test.afterAll(async () => {
    await smtp?.close();
  });

  test("an admin sees the mail log and sends a test mail that arrives; a refusing server's reason is shown", async ({ page, loginAs }) => {
    const admin = await loginAs("admin");
    await page.getByRole("navigation", { name: "Hovedmeny" }).getByRole("link", { name: "E-postlogg" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "E-postlogg" })).toBeVisible();
    await expectAccessible(page);
    await expect(page.getByLabel("Til (e-postadresse)")).toHaveValue(admin.email);

    await page.getByLabel("Til (e-postadresse)").fill("ikke-en-adresse");
    await page.getByRole("button", { name: "Send testmelding" }).click();
    await expect(page.locator("#field-to-error")).toHaveText("Skriv en gyldig e-postadresse.");
    await expect(page.getByLabel("Til (e-postadresse)")).toHaveValue("ikke-en-adresse");

    const to = `mottaker-${Date.now()}@e2e.planregister.no`;
    await page.getByLabel("Til (e-postadresse)").fill(to);
    await page.getByRole("button", { name: "Send testmelding" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Testmeldingen er sendt til ${to}.` })).toBeVisible();
    const [received] = smtp.to(to);
    expect(received?.mail.subject).toBe("Testmelding fra planregisteret");
    expect(received?.mail.text).toContain(`sendt av ${admin.name}`);
    expect(received?.mail.html).toContain("Røros kommune");
    await page.reload();
    const row = page.getByRole("row").filter({ hasText: to });
    await expect(row).toContainText("Testmelding");
    await expect(row).toContainText("Sendt");
    await expectAccessible(page);

    smtp.refuseNext(1);
    const refused = `avvist-${Date.now()}@e2e.planregister.no`;
    await page.getByLabel("Til (e-postadresse)").fill(refused);
    await page.getByRole("button", { name: "Send testmelding" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Testmeldingen kunne ikke sendes: 451" })).toBeVisible();
    await page.goto("/admin/mail?status=failed");
    await expect(page.getByRole("row").filter({ hasText: refused })).toContainText("Feilet");
    expect(smtp.to(refused)).toHaveLength(0);
  });
});

test("an unsubscribe link works without signing in: the RFC 8058 one-click POST and the page's button", async ({ page, request }) => {
  const user = await createE2eUser("editor");
  await e2eDb().user.update({ where: { id: user.id }, data: { mailWeeklyDigest: true, mailQuarterlySummary: true } });

  const oneClick = await request.post(`/api/unsubscribe/${await token(user.id, "owner_reminder")}`, {
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    data: "List-Unsubscribe=One-Click",
  });
  expect(oneClick.status()).toBe(200);
  expect((await e2eDb().user.findUniqueOrThrow({ where: { id: user.id } })).mailOwnerReminders).toBe(false);

  await page.goto(`/unsubscribe/${await token(user.id, "weekly_digest")}`);
  await expect(page.getByRole("heading", { level: 1, name: "Meld av e-post" })).toBeVisible();
  await expect(page.getByText("Vil du melde deg av ukeoversikten?")).toBeVisible();
  await expectAccessible(page);
  // Opening the page changed nothing; the button does.
  expect((await e2eDb().user.findUniqueOrThrow({ where: { id: user.id } })).mailWeeklyDigest).toBe(true);
  await page.getByRole("button", { name: "Meld meg av" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Du er meldt av ukeoversikten." })).toBeVisible();
  expect(await e2eDb().user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ mailWeeklyDigest: false, mailQuarterlySummary: true });

  const forged = (await token(user.id, "quarterly_summary")).replace(/.$/, (c) => (c === "A" ? "B" : "A"));
  expect((await request.post(`/api/unsubscribe/${forged}`, { data: "List-Unsubscribe=One-Click" })).status()).toBe(404);
  await page.goto(`/unsubscribe/${forged}`);
  await expect(page.getByRole("alert").filter({ hasText: "Lenken er ugyldig." })).toHaveText("Lenken er ugyldig. Du kan velge e-postene dine under Min konto.");
  expect((await e2eDb().user.findUniqueOrThrow({ where: { id: user.id } })).mailQuarterlySummary).toBe(true);
});

test("opening the one-click address goes to the page that asks first, at the tenant's configured public address", async ({ request }) => {
  const tok = await token(1, "weekly_digest");
  // Behind a proxy the app's own address is another of the municipality's hosts; the configured one
  // (NEXTAUTH_URL) is public. (With several municipalities a host none answers on is a 404 at the edge.)
  const variants: Record<string, string>[] = [{}, { host: `127.0.0.1:${new URL(readE2eState().baseUrl).port}`, "x-forwarded-proto": "https" }];
  for (const headers of variants) {
    const answer = await request.get(`/api/unsubscribe/${tok}`, { headers, maxRedirects: 0 });
    expect(answer.status()).toBe(303);
    expect(answer.headers().location).toBe(`${readE2eState().baseUrl}/unsubscribe/${tok}`);
  }
});

test("an admin changes the reminder lead times on the settings page; a bad list is refused at the field", async ({ page, loginAs }) => {
  await loginAs("admin");
  await page.goto("/admin/settings");
  const field = page.getByLabel("Påminnelser til planeiere (måneder før revisjonsdatoen)");
  await expect(field).toHaveValue("6, 1");
  await field.fill("6, 6, 99");
  await page.getByRole("button", { name: "Lagre innstillinger" }).click();
  await expect(page.locator("#field-reminderLeadMonths-error")).toContainText("ett til fire ulike hele tall fra 1 til 36");
  await expect(field).toHaveValue("6, 6, 99");
  await expectAccessible(page);
  await field.fill("1 3,12");
  await page.getByRole("button", { name: "Lagre innstillinger" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Innstillingene er lagret." })).toBeVisible();
  await expect(field).toHaveValue("12, 3, 1");
  expect((await e2eDb().appSettings.findFirstOrThrow()).reminderLeadMonths).toEqual([12, 3, 1]);
  await e2eDb().appSettings.updateMany({ data: { reminderLeadMonths: [6, 1] } });
});
