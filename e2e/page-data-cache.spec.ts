// The signed-in pages keep their data per tenant, register version, role and language (decision
// 060). A change made anywhere (here: a statement outside the app, as another instance's save
// would be) shows at the next request, for documents and client-side navigations alike; each
// role still gets its own page.
import { expect, test, signInThroughForm } from "./fixtures";
import { createE2eUser, E2E_PASSWORD, e2eDb, sessionCookieFor, SESSION_COOKIE } from "./support/db";

const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test("a change to the register shows at once on cached signed-in pages, also after a client-side navigation; each role gets its own page", async ({ page, loginAs, browser, baseURL }) => {
  const tag = `Hurtig-${stamp()}`;
  const plan = await e2eDb().plan.create({ data: { title: `${tag} før`, type: "temaplan", status: "vedtatt", adoptedOn: new Date("2021-03-01"), adoptedBy: "kommunestyret" } });
  try {
    await loginAs("editor");
    const list = `/plans?q=${tag}`;
    for (let i = 0; i < 2; i++) {
      await page.goto(list);
      await expect(page.getByRole("link", { name: `${tag} før` })).toBeVisible();
    }
    // The editor's page has the editor's controls.
    await expect(page.getByRole("link", { name: "Ny plan" })).toBeVisible();

    // A viewer reading the same list right after: the same plans, not the editor's page.
    const viewerContext = await browser.newContext({ baseURL });
    const viewer = await viewerContext.newPage();
    const reader = await createE2eUser("viewer");
    await signInThroughForm(viewer, reader.email, E2E_PASSWORD);
    await expect(viewer).toHaveURL(/\/$/, { timeout: 20_000 });
    await viewer.goto(list);
    await expect(viewer.getByRole("link", { name: `${tag} før` })).toBeVisible();
    await expect(viewer.getByRole("link", { name: "Ny plan" })).toHaveCount(0);
    await viewerContext.close();

    // Client-side navigation to the plan (an RSC request), then back to the list.
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    await page.getByRole("link", { name: `${tag} før` }).click();
    await expect(page).toHaveURL(new RegExp(`/plans/${plan.id}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${tag} før`);
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`/plans\\?q=${tag}$`));

    // Another instance's save: the register's version in PostgreSQL moves with it.
    await e2eDb().plan.update({ where: { id: plan.id }, data: { title: `${tag} etter` } });
    await page.getByRole("link", { name: `${tag} før` }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${tag} etter`);
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    await page.goto(list);
    await expect(page.getByRole("link", { name: `${tag} etter` })).toBeVisible();
    await expect(page.getByRole("link", { name: `${tag} før` })).toHaveCount(0);
  } finally {
    await e2eDb().plan.delete({ where: { id: plan.id } });
  }
});

test("the edge gives a signed-in page again only to its own session, with a fresh nonce its scripts run under, and a client-side navigation from it works", async ({ page, loginAs, request }) => {
  const violations: string[] = [];
  page.on("console", (message) => { if (/Content[- ]Security[- ]Policy|Refused to (execute|load)/i.test(message.text())) violations.push(message.text()); });
  await loginAs("viewer");
  const url = `/plans?q=${stamp()}`;
  const first = await page.goto(url);
  expect(first!.headers()["x-planregister-page-cache"]).toBe("miss");
  const again = await page.goto(url);
  expect(again!.headers()["x-planregister-page-cache"]).toBe("hit");
  const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];
  const body = await again!.text();
  const used = new Set([...body.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]));
  expect([...used]).toEqual([nonceOf(again!.headers()["content-security-policy"])]);
  expect(used.has(nonceOf(first!.headers()["content-security-policy"]))).toBe(false);
  // Hydrated under the new nonce: a client-side navigation (no full load) from the kept page.
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  await page.getByRole("link", { name: "Revisjonsplan", exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Revisjonsplan" })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  expect(violations).toEqual([]);

  // Another session (another user, another role) asking for the same address gets its own page.
  const editor = await createE2eUser("editor", { name: `Redaktør ${stamp()}` });
  const other = await request.get(url, { headers: { cookie: `${SESSION_COOKIE}=${await sessionCookieFor(editor)}` }, maxRedirects: 0 });
  expect(other.headers()["x-planregister-page-cache"]).toBe("miss");
  expect(await other.text()).toContain(editor.name);
  // Without a session nothing of it is given: the proxy sends the visitor to sign in.
  const anonymous = await request.get(url, { maxRedirects: 0 });
  expect(anonymous.status()).toBe(307);
  expect(anonymous.headers()["x-planregister-page-cache"]).toBeUndefined();
});
