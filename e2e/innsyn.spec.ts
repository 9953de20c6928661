// Innsyn: a signed-out citizen reads the register, a plan, the schedule, the planning strategy and
// the SDG coverage; nothing private shows; every page is axe-clean, works at 390 px and in English.
import { expect, expectAccessible, test } from "./fixtures";
import { e2eDb } from "./support/db";
import { readE2eState } from "./state";

const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test("a signed-out visitor reads the register, a plan and the schedule; drafts, owners and private pages stay hidden", async ({ page, visit }) => {
  // A long journey (eight pages, two axe runs): 30 s is too little on a loaded 2-core machine.
  test.slow();
  const tag = `Innsyn-${stamp()}`;
  const owner = await e2eDb().user.findFirstOrThrow({ where: { ownedPlans: { some: {} } } });
  const adopted = await e2eDb().plan.create({ data: { title: `${tag} vedtatt`, type: "temaplan", status: "vedtatt", adoptedOn: new Date("2018-03-01"), adoptedBy: "kommunestyret", revisionDueOn: new Date("2020-01-01"), ownerId: owner.id, summary: "Offentlig sammendrag" } });
  await e2eDb().plan.create({ data: { title: `${tag} utkast`, type: "temaplan", status: "planlagt", ownerId: owner.id } });
  await e2eDb().plan.create({ data: { title: `${tag} arkivert`, type: "temaplan", status: "vedtatt", adoptedOn: new Date("2021-03-01"), adoptedBy: "kommunestyret", archivedAt: new Date() } });

  await visit(`/innsyn?q=${tag}`);
  await expect(page.getByRole("heading", { level: 1, name: "Vedtatte planer" })).toBeVisible();
  const table = page.getByRole("table", { name: "Planer i registeret" });
  await expect(table.getByRole("rowheader")).toHaveText([`${tag} vedtatt`]);
  await expect(page.locator("body")).not.toContainText(owner.name);
  // The register's filters and table serve innsyn too: without the owner and archived filters, and no link into signed-in pages.
  await expect(page.locator("main [name=owner], main [name=archived]")).toHaveCount(0);
  await expect(page.locator('main a[href^="/plans"]')).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Tilgjengelighetserklæring" })).toBeVisible();

  await table.getByRole("link", { name: `${tag} vedtatt` }).click();
  await expect(page).toHaveURL(`/innsyn/plans/${adopted.id}`);
  await expect(page.getByRole("heading", { level: 1, name: `${tag} vedtatt` })).toBeVisible();
  await expect(page.getByText("Offentlig sammendrag")).toBeVisible();
  await expect(page.locator("main")).not.toContainText("Planeier");
  await expect(page.locator("main")).not.toContainText("Versjon");
  await expect(page.locator('main a[href^="/plans"]')).toHaveCount(0);
  await expect(page.locator("body")).not.toContainText(owner.name);
  await expectAccessible(page);

  await visit("/innsyn/schedule?due=overdue");
  await expect(page.getByRole("heading", { level: 1, name: "Revisjonsplan" })).toBeVisible();
  await visit("/innsyn/strategy");
  await visit("/innsyn/sdg");
  await expect(page.getByRole("table", { name: "Bærekraftsmål og planer" }).getByRole("row")).toHaveCount(18);
  await page.getByRole("link", { name: "Tilgjengelighetserklæring" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tilgjengelighetserklæring" })).toBeVisible();
  await expectAccessible(page);

  // The draft and the archived plan are not there, not even by id.
  const draft = await e2eDb().plan.findFirstOrThrow({ where: { title: `${tag} utkast` } });
  expect((await page.request.get(`/innsyn/plans/${draft.id}`)).status()).toBe(404);

  // The private pages still send a signed-out visitor to sign in.
  for (const path of ["/plans", `/plans/${adopted.id}`, "/schedule", "/periods", "/sdg", "/account"]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/login\?next=/);
  }
});

test("innsyn works on a phone (390 px, no sideways scrolling), in English and printed", async ({ page, visit }) => {
  // Five pages, each checked with axe.
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ["/innsyn", "/innsyn/schedule", "/innsyn/strategy", "/innsyn/sdg", "/innsyn/accessibility"]) {
    await visit(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
  }
  await page.getByLabel("Språk").selectOption("en");
  await page.getByRole("button", { name: "Bytt språk" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Accessibility statement" })).toBeVisible();
  await visit("/innsyn");
  await expect(page.getByRole("heading", { level: 1, name: "Adopted plans" })).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: /main/i })).toBeHidden();
});

test("sitemap.xml lists the public pages and plans; robots.txt points to it; signed-in pages are noindex", async ({ request, page }) => {
  const sitemap = await (await request.get("/sitemap.xml")).text();
  expect(sitemap).toContain("/innsyn/schedule</loc>");
  const plan = await e2eDb().plan.findFirstOrThrow({ where: { status: "vedtatt", archivedAt: null } });
  expect(sitemap).toContain(`/innsyn/plans/${plan.id}</loc>`);
  const draft = await e2eDb().plan.findFirst({ where: { status: "planlagt", publicDraft: false } });
  if (draft) expect(sitemap).not.toContain(`/innsyn/plans/${draft.id}</loc>`);
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toMatch(/Allow: \/innsyn/);
  expect(robots).toMatch(/Sitemap: .*\/sitemap\.xml/);
  await page.goto("/login");
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
});

test("open data: every public plan as CSV and JSON, with the licence", async ({ request }) => {
  const csv = await request.get("/innsyn/plans.csv");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = (await csv.text()).slice(1).split("\r\n").filter(Boolean);
  expect(lines[0]!.split(";")).toContain("revisionDueOn");
  const json = (await (await request.get("/innsyn/plans.json")).json()) as { licence: string; plans: { id: number }[] };
  expect(json.licence).toContain("NLOD 2.0");
  expect(json.plans.length).toBe(lines.length - 1);
  expect(JSON.stringify(json)).not.toContain("owner");
});

test("a viewer makes an API token, it is shown once and reads the API; revoked, it gets 401 at once", async ({ page, loginAs, visit, request }) => {
  await loginAs("viewer");
  await visit("/account");
  const section = page.getByRole("region", { name: "API-nøkler" });
  await section.getByLabel("Navn").fill("Power BI");
  await section.getByRole("button", { name: "Lag API-nøkkel" }).click();
  const token = await section.getByRole("textbox", { name: "API-nøkkelen din" }).inputValue();
  expect(token).toMatch(/^prt_[A-Za-z0-9_-]{43}$/);
  await expectAccessible(page);
  const ok = await request.get("/api/v1/plans?archived=true&limit=5", { headers: { authorization: `Bearer ${token}` } });
  expect(ok.status()).toBe(200);
  expect(ok.headers()["etag"]).toBeTruthy();
  const again = await request.get("/api/v1/plans?archived=true&limit=5", { headers: { authorization: `Bearer ${token}`, "if-none-match": ok.headers()["etag"]! } });
  expect(again.status()).toBe(304);

  await page.reload();
  await expect(section.getByRole("row", { name: /Power BI/ })).toContainText("Aktiv");
  await expect(section.getByRole("textbox", { name: "API-nøkkelen din" })).toHaveCount(0);
  await section.getByRole("button", { name: "Trekk tilbake Power BI" }).click();
  await expect(section.getByRole("row", { name: /Power BI/ })).toContainText("Trukket tilbake");
  const refused = await request.get("/api/v1/plans?limit=5", { headers: { authorization: `Bearer ${token}` } });
  expect(refused.status()).toBe(401);
  expect(refused.headers()["content-type"]).toBe("application/problem+json");
});

test("the API without a token: public data, CORS for any origin, problem+json for bad input", async ({ request }) => {
  const r = await request.get("/api/v1/plans?limit=2", { headers: { origin: "https://example.org" } });
  expect(r.status()).toBe(200);
  expect(r.headers()["access-control-allow-origin"]).toBe("*");
  const bad = await request.get("/api/v1/plans?colour=red");
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { detail: string }).detail).toContain("colour");
  const doc = (await (await request.get("/api/v1/openapi.json")).json()) as { openapi: string };
  expect(doc.openapi).toBe("3.1.0");
});

test("a save shows on innsyn at once: the public cache is invalidated in the same request", async ({ page, loginAs, browser }) => {
  const tag = `Cache-${stamp()}`;
  const plan = await e2eDb().plan.create({ data: { title: `${tag} før`, type: "temaplan", status: "vedtatt", adoptedOn: new Date("2021-03-01"), adoptedBy: "kommunestyret" } });
  const citizen = await browser.newPage();
  await citizen.goto(`/innsyn/plans/${plan.id}`);
  await expect(citizen.getByRole("heading", { level: 1 })).toHaveText(`${tag} før`);
  await loginAs("editor");
  await page.goto(`/plans/${plan.id}/edit`);
  await page.getByLabel("Tittel").fill(`${tag} etter`);
  await page.getByRole("button", { name: "Lagre planen" }).click();
  await expect(page).toHaveURL(new RegExp(`/plans/${plan.id}\\?saved=updated`));
  await citizen.reload();
  await expect(citizen.getByRole("heading", { level: 1 })).toHaveText(`${tag} etter`);
  await citizen.goto(`/innsyn?q=${tag}`);
  await expect(citizen.getByRole("rowheader")).toHaveText([`${tag} etter`]);
  await citizen.close();
});

test("innsyn pages come from the edge's page cache: the same bytes, a CSP of hashes the browser accepts, and a running page", async ({ page, request }) => {
  const first = await request.get("/innsyn/schedule");
  const again = await request.get("/innsyn/schedule");
  expect(again.headers()["x-planregister-page-cache"]).toBe("hit");
  expect(await again.text()).toBe(await first.text());
  expect(again.headers()["content-security-policy"]).toMatch(/script-src 'self' 'sha256-[^']+'/);
  expect(again.headers()["content-security-policy"]).not.toContain("nonce");
  // Another language is another page.
  const english = await request.get("/innsyn/schedule", { headers: { cookie: "NEXT_LOCALE=en" } });
  expect(await english.text()).toContain('lang="en"');

  const violations: string[] = [];
  page.on("console", (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
  const answer = await page.goto("/innsyn/schedule");
  expect(answer!.headers()["x-planregister-page-cache"]).toBe("hit");
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  // The page's JavaScript runs: the header's link navigates on the client, without a new document.
  await page.getByRole("navigation").getByRole("link", { name: "Planer", exact: true }).click();
  await expect(page).toHaveURL(/\/innsyn$/);
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  expect(violations).toEqual([]);
});

test("a save through one app instance shows at once on another instance's cached innsyn page", async ({ page, loginAs, request }) => {
  const tag = `Instans-${stamp()}`;
  const plan = await e2eDb().plan.create({ data: { title: `${tag} før`, type: "temaplan", status: "vedtatt", adoptedOn: new Date("2021-03-01"), adoptedBy: "kommunestyret" } });
  const other = `${readE2eState().directUrl}/innsyn/plans/${plan.id}`;
  await request.get(other);
  const cached = await request.get(other);
  expect(cached.headers()["x-planregister-page-cache"]).toBe("hit");
  expect(await cached.text()).toContain(`${tag} før`);
  await loginAs("editor");
  await page.goto(`/plans/${plan.id}/edit`);
  await page.getByLabel("Tittel").fill(`${tag} etter`);
  await page.getByRole("button", { name: "Lagre planen" }).click();
  await expect(page).toHaveURL(new RegExp(`/plans/${plan.id}\\?saved=updated`));
  const after = await request.get(other);
  expect(after.headers()["x-planregister-page-cache"]).toBe("miss");
  expect(await after.text()).toContain(`${tag} etter`);
});

test("with innsyn off: the pages are 404, the API asks for a token, the sitemap is empty and robots.txt disallows all", async ({ request }) => {
  const before = await e2eDb().appSettings.findFirstOrThrow();
  // Kept in the edge's page cache before: turning innsyn off must not leave it served.
  for (let i = 0; i < 2; i++) expect((await request.get("/innsyn/accessibility")).status()).toBe(200);
  await e2eDb().appSettings.updateMany({ data: { innsynEnabled: false } });
  try {
    for (const path of ["/innsyn", "/innsyn/schedule", "/innsyn/accessibility", "/innsyn/plans.csv", "/innsyn/plans.json"]) {
      expect((await request.get(path)).status(), path).toBe(404);
    }
    const api = await request.get("/api/v1/plans");
    expect(api.status()).toBe(401);
    expect(api.headers()["content-type"]).toBe("application/problem+json");
    expect(await (await request.get("/sitemap.xml")).text()).not.toContain("<loc>");
    expect(await (await request.get("/robots.txt")).text()).toMatch(/Disallow: \/\s*$/);
  } finally {
    await e2eDb().appSettings.updateMany({ data: { innsynEnabled: before.innsynEnabled } });
  }
});

test("the API reference at /api/docs lists every endpoint, reached without signing in", async ({ page, visit }) => {
  await visit("/api/docs");
  await expect(page.getByRole("heading", { level: 1, name: "Planregister API (v1)" })).toBeVisible();
  for (const path of ["/plans", "/plans/{id}", "/schedule", "/periods", "/periods/{id}", "/sdg/goals"]) {
    await expect(page.getByRole("heading", { level: 2, name: `GET /api/v1${path}`, exact: true })).toBeVisible();
  }
});

test("a signed-out reader tries the API from its reference: a filter answers 200 with the plan, a bad limit the API's 400", async ({ page, visit }) => {
  const tag = `Api-${stamp()}`;
  await e2eDb().plan.create({ data: { title: `${tag} vedtatt`, type: "temaplan", status: "vedtatt", adoptedOn: new Date("2019-03-01"), adoptedBy: "kommunestyret", revisionDueOn: new Date("2027-01-01") } });
  const refused: string[] = [];
  page.on("console", (m) => { if (/Content.Security.Policy/i.test(m.text())) refused.push(m.text()); });
  await visit("/api/docs");
  const section = page.getByRole("region", { name: "GET /api/v1/plans", exact: true });
  const form = section.getByRole("form", { name: "Try GET /api/v1/plans", exact: true });
  await form.getByLabel("q (query)").fill(tag);
  await form.getByRole("group", { name: "status (query)" }).getByRole("checkbox", { name: "vedtatt" }).check();
  await form.getByLabel("limit (query)").fill("2");
  await form.getByRole("button", { name: "Send request" }).click();
  await expect(section.getByRole("status")).toHaveText("Answer: 200 OK, application/json, 1 item");
  await expect(section.getByText(`GET /api/v1/plans?q=${tag}&status=vedtatt&limit=2`)).toBeVisible();
  const body = section.getByRole("region", { name: "Answer body of GET /api/v1/plans" });
  await expect(body).toContainText(`"title": "${tag} vedtatt"`);
  await expectAccessible(page);

  await form.getByLabel("limit (query)").fill("500");
  await form.getByRole("button", { name: "Send request" }).press("Enter");
  await expect(section.getByRole("status")).toHaveText("Answer: 400 Bad Request, application/problem+json");
  await expect(body).toContainText(`"name": "limit"`);
  await expectAccessible(page);
  expect(refused, "CSP violations in the console").toEqual([]);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  // axe needs JavaScript; the same page is checked in the tests above.
  test("the reference's forms still send the request: the browser lands on the API's URL, a bad id gets a 400 naming it", async ({ page }) => {
    await page.goto("/api/docs");
    const list = page.getByRole("form", { name: "Try GET /api/v1/plans", exact: true });
    await list.getByLabel("limit (query)").fill("1");
    await list.getByRole("button", { name: "Send request" }).click();
    await expect(page).toHaveURL(/\/api\/v1\/plans\?limit=1$/);
    expect(JSON.parse(await page.locator("body").innerText()).items).toHaveLength(1);

    await page.goto("/api/docs");
    const one = page.getByRole("form", { name: "Try GET /api/v1/plans/{id}" });
    await one.getByLabel("id (path, required)").fill("abc");
    await one.getByRole("button", { name: "Send request" }).click();
    const problem = JSON.parse(await page.locator("body").innerText());
    expect(problem).toMatchObject({ status: 400, invalidParams: [{ name: "id" }] });
  });
});
