// The spreadsheet round trip in Chromium against the production build: an editor downloads the
// xlsx of a filtered register, changes three cells and adds a row (with SheetJS, as a person would
// in Excel), uploads it, sees exactly those changes in the preview, applies, and finds them in the
// register and in each plan's history. A viewer sees the export but no import, and is refused.
import * as XLSX from "xlsx";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { callAction, resultCode } from "./support/actions";
import { builtActions } from "./support/build-manifest";
import { createE2eUser, e2eDb, sessionCookieFor } from "./support/db";
import { rawWorkbook, rowsOf } from "../tests/support/hostile-xlsx";

async function downloaded(page: Page, link: string): Promise<Buffer> {
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: link, exact: true }).click();
  const chunks: Buffer[] = [];
  for await (const chunk of await (await download).createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

test("an editor exports a filtered register, changes three cells and adds a row, previews exactly that, applies, and sees it in the register and the history", async ({ page, loginAs, visit }) => {
  test.setTimeout(120_000);
  const unit = `Importenhet ${Date.now()}`;
  const plans = await e2eDb().plan.createManyAndReturn({
    data: ["Avløpsplan", "Beredskapsplan", "Cykkelstrategi"].map((title, i) => ({
      title: `${title} ${unit}`, type: (["temaplan", "temaplan", "strategi"] as const)[i]!, status: "vedtatt" as const, responsibleUnit: unit,
      adoptedOn: new Date("2019-05-23T00:00:00Z"), adoptedBy: "kommunestyret" as const, revisionDueOn: new Date("2027-01-01T00:00:00Z"),
    })),
    select: { id: true, title: true },
  });
  await loginAs("editor");
  await visit(`/plans?unit=${encodeURIComponent(unit)}`);
  const file = await downloaded(page, "Excel (.xlsx)");

  const workbook = XLSX.read(file, { type: "buffer" });
  const sheet = workbook.Sheets.Planer!;
  const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true });
  expect(rows).toHaveLength(4);
  const at = (id: number) => rows.findIndex((r) => r[0] === id);
  const [a, b] = plans;
  XLSX.utils.sheet_add_aoa(sheet, [[`Avløpsplan 2026 ${unit}`]], { origin: { r: at(a!.id), c: 2 } });
  XLSX.utils.sheet_add_aoa(sheet, [["24/00123"]], { origin: { r: at(a!.id), c: 7 } });
  XLSX.utils.sheet_add_aoa(sheet, [["under_revisjon"]], { origin: { r: at(b!.id), c: 4 } });
  XLSX.utils.sheet_add_aoa(sheet, [[null, null, `Dugnadsplan ${unit}`, "handlingsplan", "planlagt", null, null, null, null, "01.09.2028", null, null, unit]], { origin: -1 });
  const edited = XLSX.write(workbook, { type: "buffer", bookType: "xlsx" }) as Buffer;

  await page.getByRole("link", { name: "Importer fra regneark" }).click();
  await expect(page).toHaveURL(/\/plans\/import$/);
  await visit("/plans/import");
  await page.getByLabel("Fil").setInputFiles({ name: "planer.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: edited });
  await page.getByRole("button", { name: "Last opp og se kolonnene" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kolonner i planer.xlsx");
  await expect(page.getByLabel("Felt: Tittel")).toHaveValue("title");
  await visit(page.url());
  await page.getByRole("button", { name: "Vis forhåndsvisning" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Forhåndsvisning av planer.xlsx");
  await expect(page.getByRole("status").first()).toHaveText("1 nye, 2 endrede, 1 uendrede, 0 konflikter, 0 med feil");
  await visit(page.url());
  const table = page.getByRole("table", { name: "Radene i filen" });
  await expect(table.locator("tbody tr")).toHaveCount(3);
  const rowOf = (title: string) => table.locator("tbody tr").filter({ hasText: title });
  await expect(rowOf(`Avløpsplan 2026 ${unit}`).getByRole("listitem")).toHaveText([`Tittel: ${a!.title} → Avløpsplan 2026 ${unit}`, "Saksnummer: (tomt) → 24/00123"]);
  await expect(rowOf(b!.title).getByRole("listitem")).toHaveText(["Status: Vedtatt / gjeldende → Under revisjon"]);
  await expect(rowOf(`Dugnadsplan ${unit}`)).toContainText("Ny");
  // Dates and field names as the plan pages show them, never a message key.
  await expect(rowOf(`Dugnadsplan ${unit}`)).toContainText("Revideres innen: 1. sep. 2028");
  await expect(rowOf(`Dugnadsplan ${unit}`)).toContainText("Vis på innsyn før vedtak: Nei");
  await expect(table).not.toContainText("spreadsheet.columns");
  expect(await e2eDb().plan.count({ where: { responsibleUnit: unit } })).toBe(3);

  await page.getByRole("button", { name: "Importer 3 planer" }).click();
  await expect(page.getByRole("status").first()).toContainText("Importert: 1 nye og 2 endrede planer.");
  await visit(`/plans?unit=${encodeURIComponent(unit)}`);
  const register = page.locator("main table tbody");
  await expect(register.getByRole("link")).toHaveText([`Avløpsplan 2026 ${unit}`, b!.title, plans[2]!.title, `Dugnadsplan ${unit}`].sort((x, y) => x.localeCompare(y, "nb")));
  await expect(register.locator("tr").filter({ hasText: b!.title })).toContainText("Under revisjon");

  const created = await e2eDb().plan.findFirstOrThrow({ where: { title: `Dugnadsplan ${unit}` } });
  for (const [id, change] of [[a!.id, "24/00123"], [b!.id, "Under revisjon"], [created.id, "Handlingsplan"]] as const) {
    await visit(`/plans/${id}`);
    const history = page.getByRole("region", { name: "Endringslogg" });
    await expect(history.getByRole("listitem").first()).toContainText("Importert fra planer.xlsx");
    await expect(history.getByRole("listitem").first()).toContainText(change);
  }
  await expect(page.getByRole("region", { name: "Endringslogg" }).getByRole("listitem")).toHaveCount(1);
});

test("a viewer sees the export but no import, and the import refuses a viewer", async ({ page, loginAs, visit, request }) => {
  await loginAs("viewer");
  await visit("/plans");
  await expect(page.getByRole("link", { name: "Excel (.xlsx)", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Importer fra regneark" })).toHaveCount(0);
  expect((await page.goto("/plans/import"))?.status()).toBe(403);

  const viewer = await createE2eUser("viewer");
  const cookie = await sessionCookieFor(viewer);
  const upload = await request.post("/plans/import/upload", {
    multipart: { file: { name: "planer.csv", mimeType: "text/csv", buffer: Buffer.from("Plan;Type;Status\r\nSnikplan;temaplan;planlagt\r\n") } },
    headers: { cookie: `__Host-planregister.session=${cookie}` }, maxRedirects: 0, failOnStatusCode: false,
  });
  expect(upload.status()).toBe(403);
  const before = await e2eDb().importUpload.count();
  for (const name of ["previewImportAction", "applyImportAction"]) {
    const action = builtActions().find((x) => x.name === name)!;
    const response = await callAction(request, action, "state", { upload: "00000000-0000-4000-8000-000000000000" }, { cookie });
    expect(resultCode(await response.text())).toBe("forbidden");
  }
  expect(await e2eDb().importUpload.count()).toBe(before);
  expect(await e2eDb().plan.count({ where: { title: "Snikplan" } })).toBe(0);
});

test("a planprogram table without Status and Vedtatt av: the mapping step's defaults make it importable, and the preview names the missing columns", async ({ page, loginAs, visit }) => {
  test.setTimeout(120_000);
  const unit = Date.now();
  await loginAs("editor");
  await visit("/plans/import");
  const csv = `Plan;Type;Vedtatt;Revideres\r\nKulturplan ${unit};temaplan;16.06.2022;31.12.2026\r\nIdrettsplan ${unit};temaplan;;31.12.2028\r\n`;
  await page.getByLabel("Fil").setInputFiles({ name: "planprogram.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Last opp og se kolonnene" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kolonner i planprogram.csv");
  await visit(page.url());
  await expect(page.getByLabel("Status", { exact: true })).toHaveValue("fromAdoption");
  await page.getByLabel("Vedtatt av (for planer med vedtaksdato)").selectOption("kommunestyret");
  await page.getByRole("button", { name: "Vis forhåndsvisning" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Forhåndsvisning av planprogram.csv");
  await expect(page.getByRole("status").first()).toHaveText("2 nye, 0 endrede, 0 uendrede, 0 konflikter, 0 med feil");
  await expect(page.getByText("Filen har ingen kolonne for: Status, Vedtatt av.")).toBeVisible();
  await expect(page.getByText("Nye planer med vedtaksdato får status «Vedtatt / gjeldende», de andre «Planlagt».")).toBeVisible();
  await visit(page.url());
  const table = page.getByRole("table", { name: "Radene i filen" });
  await expect(table.locator("tbody tr").filter({ hasText: `Kulturplan ${unit}` })).toContainText("Status: Vedtatt / gjeldende");
  await expect(table.locator("tbody tr").filter({ hasText: `Kulturplan ${unit}` })).toContainText("16. juni 2022");
  await expect(table.locator("tbody tr").filter({ hasText: `Idrettsplan ${unit}` })).toContainText("Status: Planlagt");
});

test("a 200 kB xlsx whose one 4 MB string is the title of 20,000 rows is refused with a message, and the server goes on", async ({ page, loginAs, visit }) => {
  test.setTimeout(120_000);
  const bomb = await rawWorkbook(["Plan", "x".repeat(4 * 1024 * 1024)], rowsOf(20_001, (i) => (i === 0 ? [{ shared: 0 }, { inline: "Type" }] : [{ shared: 1 }, { inline: "temaplan" }])));
  await loginAs("editor");
  await visit("/plans/import");
  await page.getByLabel("Fil").setInputFiles({ name: "tittel.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: bomb });
  await page.getByRole("button", { name: "Last opp og se kolonnene" }).click();
  await expect(page.locator("main").getByRole("alert")).toHaveText(/^En celle i filen har mer enn 32\s?767 tegn\./);
  await visit(page.url());
  await visit("/plans");
});
