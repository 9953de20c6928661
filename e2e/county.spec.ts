// The county view on the example data (decisions 053, 054): the demo statsforvalter signs in on
// the county office's host (statsforvalter.localhost — Chromium resolves *.localhost to this
// machine) and sees Trøndelag's three example municipalities, nothing of any register but public
// figures, and nothing of another county. Node's fetch may not resolve *.localhost, so the API is
// called with node:http and a Host header.
import http from "node:http";
import { createHash, randomBytes } from "node:crypto";
import { test, expect, expectAccessible } from "./fixtures";
import { e2eDb } from "./support/db";
import { readE2eState } from "./state";
import { withTenant } from "../lib/tenant-context";
import { todayInOslo, isoDate } from "../lib/dates";
import { demoPlans } from "../prisma/seed/demo";
import { COUNTY_OFFICE, countyDemoUser, exampleMunicipalities } from "../prisma/seed/county";
import { countyRecordFields } from "../lib/county/figures";

const port = new URL(readE2eState().baseUrl).port;
const office = `http://${COUNTY_OFFICE.hosts[0]}:${port}`;
const today = isoDate(todayInOslo());

// Overdue plans per municipality, worked out from the example data. Røros' own figure can only
// grow while other specs add plans to its register; its neighbours are left alone.
const overdue = {
  "5025": demoPlans.filter((p) => p.revisionDueOn && p.revisionDueOn < today).length,
  ...Object.fromEntries(exampleMunicipalities.map((m) => [m.kommunenummer, m.plans.filter((p) => p.revisionDueOn && p.revisionDueOn < today).length])),
} as Record<string, number>;

/** GET on the e2e server with a Host header of our choosing. */
function get(path: string, host: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http.get({ host: "127.0.0.1", port, path, headers: { host: `${host}:${port}`, ...headers } }, (res) => {
      let body = "";
      res.setEncoding("utf8").on("data", (c: string) => (body += c)).on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    }).on("error", reject);
  });
}

test("the demo statsforvalter sees each Trøndelag municipality's planning strategy and overdue plans, sorts, filters, drills down and downloads", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(`${office}/login`);
  await page.getByLabel("E-postadresse").fill(countyDemoUser.email);
  await page.getByLabel("Passord").fill(countyDemoUser.password);
  await page.getByRole("button", { name: "Logg inn", exact: true }).click();
  await expect(page).toHaveURL(`${office}/county`, { timeout: 20_000 });
  await expect(page.getByRole("heading", { level: 1, name: "Kommunene i Trøndelag" })).toBeVisible();
  await expectAccessible(page);

  // One strategy adopted on time, one late, one missing; the overdue counts as the data gives them.
  const table = page.locator("#county-table");
  const row = (n: string) => table.locator(`tr[data-kommunenummer="${n}"]`);
  await expect(table.locator("tbody tr")).toHaveCount(3);
  await expect(row("5025").locator("[data-state]")).toHaveAttribute("data-state", "missing");
  await expect(row("5026").locator("[data-state]")).toHaveAttribute("data-state", "on_time");
  await expect(row("5026")).toContainText("Overholdt (121 dager før fristen)");
  await expect(row("5027").locator("[data-state]")).toHaveAttribute("data-state", "late");
  await expect(row("5027")).toContainText("Ikke overholdt – 61 dager for sent");
  for (const n of ["5026", "5027"]) await expect(row(n).locator("[data-figure=overdue]"), n).toHaveText(String(overdue[n]));
  expect(Number(await row("5025").locator("[data-figure=overdue]").innerText())).toBeGreaterThanOrEqual(overdue["5025"]!);
  await expect(page.getByRole("img", { name: /Stolpediagram over kommunene/ })).toBeVisible();

  // Sort by a column header (in the URL), then filter.
  await table.getByRole("link", { name: "Sorter etter Forfalt" }).click();
  await expect(page).toHaveURL(/sort=overdue/);
  const shownOverdue = (await table.locator("[data-figure=overdue]").allInnerTexts()).map(Number);
  expect(shownOverdue).toEqual([...shownOverdue].sort((a, b) => a - b));
  await expect(table.locator("th[aria-sort=ascending]")).toContainText("Forfalt");
  await page.getByLabel("Planstrategi", { exact: true }).selectOption("missing");
  await page.getByRole("button", { name: "Bruk filter" }).click();
  await expect(page).toHaveURL(/state=missing/);
  await expect(table.locator("tbody tr")).toHaveCount(1);
  await expect(row("5025")).toBeVisible();

  // Hostile parameters: a clear message, the default view, never a 500.
  const hostile = await page.goto(`${office}/county?sort=%27%3Bdrop%20table&state=%3Cscript%3E&dir=sideways&q=${"x".repeat(500)}`);
  expect(hostile?.status()).toBe(200);
  await expect(page.getByRole("alert").filter({ hasText: "kunne ikke leses" })).toContainText("q, state, sort, dir");
  await expect(table.locator("tbody tr")).toHaveCount(3);

  // Print: no filters, buttons or navigation on paper.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Skriv ut" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Hovedmeny" })).toBeHidden();
  await expect(table).toBeVisible();
  await page.emulateMedia({ media: "screen" });

  // Drill-down: Holtålen's public plans, read only.
  await page.goto(`${office}/county`);
  await table.getByRole("link", { name: "Holtålen kommune" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Holtålen kommune" })).toBeVisible();
  const holtalen = exampleMunicipalities.find((m) => m.kommunenummer === "5026")!;
  await expect(page.getByRole("table", { name: "Kommunens offentlige planer" }).getByRole("rowheader")).toHaveText(holtalen.plans.map((p) => p.title).sort((a, b) => a.localeCompare(b, "nb")));
  await expect(page.getByRole("button", { name: /Lagre|Rediger|Arkiver/ })).toHaveCount(0);
  await expectAccessible(page);

  // Another county's, an unknown or a malformed number: 404, never data.
  for (const path of ["/county/4601", "/county/9999", "/county/50a6", "/county/5026%27"]) {
    const response = await page.goto(`${office}${path}`);
    expect(response?.status(), path).toBe(404);
  }
  // Their own account (password, API tokens) is theirs; the municipal pages refuse the role.
  const account = await page.goto(`${office}/account`);
  expect(account?.status()).toBe(200);
  await expectAccessible(page);
  for (const path of ["/plans", "/schedule", "/periods", "/admin/users"]) {
    const response = await page.goto(`${office}${path}`);
    expect(response?.status(), path).toBe(403);
  }

  // The same figures as JSON and CSV; a bad format is a 400 naming it. Fetched by the page (the
  // browser resolves *.localhost and sends the session cookie).
  const download = (path: string) =>
    page.evaluate(async (u) => {
      const r = await fetch(u);
      return { status: r.status, type: r.headers.get("content-type") ?? "", text: await r.text() };
    }, `${office}${path}`);
  const json = await download("/county/download?format=json&sort=kommunenummer");
  expect(json.status).toBe(200);
  const data = JSON.parse(json.text) as { county: { number: string }; municipalities: { kommunenummer: string; strategyState: string; overduePlans: number }[] };
  expect(data.county.number).toBe("50");
  expect(data.municipalities.map((m) => [m.kommunenummer, m.strategyState])).toEqual([["5025", "missing"], ["5026", "on_time"], ["5027", "late"]]);
  expect(data.municipalities.slice(1).map((m) => m.overduePlans)).toEqual([overdue["5026"], overdue["5027"]]);
  const csv = await download("/county/download?format=csv");
  expect(csv.type).toContain("text/csv");
  expect(csv.text.split("\r\n")[0]).toContain("kommunenummer;name;strategyName;strategyState");
  const bad = await download("/county/download?format=xml");
  expect(bad.status).toBe(400);
  expect(bad.text).toContain("format");
});

test("the county API answers the office's token with its county's figures, and nothing on a municipality's host", async () => {
  const officeId = (await e2eDb().$queryRaw<{ id: number }[]>`SELECT id FROM tenants WHERE kind = 'county' AND county_number = '50'`)[0]!.id;
  const token = `prt_${randomBytes(32).toString("base64url")}`;
  await withTenant(officeId, async () => {
    const user = await e2eDb().user.findFirstOrThrow({ where: { email: countyDemoUser.email } });
    await e2eDb().apiToken.create({ data: { userId: user.id, name: "e2e county", tokenHash: createHash("sha256").update(token).digest("hex") } });
  });
  const auth = { authorization: `Bearer ${token}` };
  const ok = await get("/api/v1/county?sort=overdue&dir=desc", COUNTY_OFFICE.hosts[0], auth);
  expect(ok.status).toBe(200);
  const body = JSON.parse(ok.body) as { municipalities: { kommunenummer: string; overduePlans: number }[] };
  expect(body.municipalities.map((m) => m.kommunenummer).sort()).toEqual(["5025", "5026", "5027"]);
  const counts = body.municipalities.map((m) => m.overduePlans);
  expect(counts).toEqual([...counts].sort((a, b) => b - a));
  // Public fields only: exactly the record's, nothing of a register's internals.
  expect(Object.keys(body.municipalities[0]!).sort()).toEqual([...countyRecordFields].sort());
  expect((await get("/api/v1/county?sort=evil", COUNTY_OFFICE.hosts[0], auth)).status).toBe(400);
  expect((await get("/api/v1/county", COUNTY_OFFICE.hosts[0])).status).toBe(401);
  // The token belongs to the office's tenant: on Røros' host it is unknown.
  expect((await get("/api/v1/county", "localhost", auth)).status).toBe(401);
});
