// The next planning strategy (issue 14): an editor starts a draft, adjusts it by keyboard, sees the
// workload change, adds a new plan absorbing an old one and adopts it; a viewer reads a draft
// without being able to change it. axe on every state of the page, with and without errors.
import { randomUUID } from "node:crypto";
import mammoth from "mammoth";
import { test, expect, expectAccessible } from "./fixtures";
import { e2eDb } from "./support/db";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

test("an editor drafts the planprogram, adjusts it by keyboard, sees the workload change, and adopts it", async ({ page, loginAs, visit }) => {
  test.setTimeout(120_000);
  const tag = randomUUID().slice(0, 6);
  const unit = `Enhet ${tag}`;
  const [due, later] = await Promise.all([
    e2eDb().plan.create({ data: { title: `Utkastplan ${tag} A`, type: "temaplan", status: "vedtatt", adoptedOn: d("2004-03-01"), adoptedBy: "kommunestyret", revisionDueOn: d("2010-05-31"), responsibleUnit: unit } }),
    e2eDb().plan.create({ data: { title: `Utkastplan ${tag} B`, type: "handlingsplan", status: "vedtatt", adoptedOn: d("2006-03-01"), adoptedBy: "kommunestyret", revisionDueOn: d("2030-12-31"), responsibleUnit: unit } }),
  ]);
  const name = `Planstrategi 2008–2011 ${tag}`;
  await loginAs("editor");
  await visit("/periods/new");
  await page.getByLabel("Navn").fill(name);
  await page.getByLabel("Første år").fill("2008");
  await page.getByLabel("Siste år").fill("2011");
  await page.getByRole("button", { name: "Opprett planstrategi" }).click();
  // The constitution date is required to start a draft.
  await expect(page.getByLabel("Kommunestyret konstituert")).toHaveAccessibleDescription(/Fristene i loven regnes fra denne datoen\..*Fyll ut feltet\./);
  await expectAccessible(page);
  await page.getByLabel("Kommunestyret konstituert").fill("2007-10-18");
  await page.getByLabel("Planlagt behandling i kommunestyret").fill("2008-06-12");
  await page.getByRole("button", { name: "Opprett planstrategi" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByTestId("draft-status")).toContainText("Utkast – ikke vedtatt.");
  // The draft deadline counts from the planned meeting: 12 June 2008 − 30 days.
  await expect(page.locator("[data-deadline-row=draft]")).toContainText("13. mai 2008");
  await expectAccessible(page);

  // Only this test's plans: the filter is in the URL.
  await page.getByLabel("Søk i plannavn").fill(tag);
  await page.getByLabel("Søk i plannavn").press("Enter");
  await expect(page).toHaveURL(new RegExp(`q=${tag}`));
  const rowA = page.locator(`[data-draft-row]`).filter({ hasText: `Utkastplan ${tag} A` });
  const rowB = page.locator(`[data-draft-row]`).filter({ hasText: `Utkastplan ${tag} B` });
  await expect(rowA).toContainText("Revisjon forfaller 2010, innen perioden.");
  await expect(rowA.getByRole("combobox", { name: /^Vedtak:/ })).toHaveValue("revise");
  await expect(rowA.getByRole("textbox", { name: /^Målår:/ })).toHaveValue("2010");
  await expect(rowB).toContainText("Revisjon forfaller 2030, etter perioden.");
  await expect(rowB.getByRole("combobox", { name: /^Vedtak:/ })).toHaveValue("continue");
  const workloadTable = page.getByTestId("workload-table");
  await expect(workloadTable.getByRole("row", { name: new RegExp(unit) }).getByRole("cell")).toHaveText(["0", "0", "1", "0", "1"]);
  const caption = page.locator("#workload-figcaption");
  const before = (await caption.textContent()) ?? "";
  const total2009 = Number(/2009: (\d+)/.exec(before)?.[1]);

  // By keyboard: B from "continue" to "revise" (one up), target year 2009, saved by Enter on the row's button.
  await rowB.getByRole("combobox", { name: /^Vedtak:/ }).focus();
  await page.keyboard.press("ArrowUp");
  await expect(rowB.getByRole("combobox", { name: /^Vedtak:/ })).toHaveValue("revise");
  await expect(rowB.getByText("Lagret.")).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(rowB.getByRole("textbox", { name: /^Målår:/ })).toBeFocused();
  await page.keyboard.type("2009");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(rowB.getByRole("button", { name: `Lagre raden for Utkastplan ${tag} B` })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(workloadTable.getByRole("row", { name: new RegExp(unit) }).getByRole("cell")).toHaveText(["0", "1", "1", "0", "2"]);
  await expect(caption).toContainText(`2009: ${total2009 + 1}`);
  await expect(page.getByTestId("workload-chart").locator("svg")).toHaveAttribute("aria-label", new RegExp(`2009: ${total2009 + 1}`));
  expect(await e2eDb().plan.findUniqueOrThrow({ where: { id: later.id } })).toMatchObject({ version: 1 });

  // A wrong year is refused in the row, with the typed value kept; axe with the error shown.
  const yearA = rowA.getByRole("textbox", { name: /^Målår:/ });
  await yearA.fill("tjue");
  await yearA.press("Tab");
  await expect(rowA.getByRole("alert")).toContainText("Skriv et årstall");
  await expect(yearA).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
  await yearA.fill("2010");
  await rowA.getByRole("button", { name: /^Lagre raden/ }).press("Enter");
  await expect(rowA.getByText("Lagret.")).toBeVisible();

  // A new plan that absorbs A.
  const newTitle = `Ny strategi ${tag}`;
  const newPlan = page.getByRole("region", { name: "Ny plan i planprogrammet" });
  await newPlan.getByLabel("Navn på ny plan").fill(newTitle);
  await newPlan.getByLabel("Målår", { exact: true }).fill("2011");
  await newPlan.getByLabel("Ansvarlig enhet", { exact: true }).fill(unit);
  await page.getByRole("button", { name: "Legg til ny plan" }).click();
  await expect(page.getByRole("status").filter({ hasText: `«${newTitle}» er lagt til i utkastet.` })).toBeVisible();
  await page.goto(`${page.url().split("#")[0]}`);
  await rowA.getByRole("combobox", { name: /^Innarbeides i:/ }).selectOption({ label: newTitle });
  await expect(rowA.getByText("Lagret.")).toBeVisible();
  await expect(workloadTable.getByRole("row", { name: new RegExp(unit) }).getByRole("cell")).toHaveText(["0", "1", "1", "1", "3"]);

  // Adoption needs every plan decided; refused with the count, then the rest set by filter in one go.
  await page.goto(`/periods/${(await e2eDb().strategyPeriod.findFirstOrThrow({ where: { name } })).id}`);
  await page.getByLabel("Vedtatt dato").fill("2008-06-12");
  await page.getByLabel("Saksnummer").fill("08/123");
  await page.getByRole("button", { name: "Registrer vedtaket" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /må fortsatt vurderes/ })).toBeVisible();
  await expect(page.getByLabel("Saksnummer")).toHaveValue("08/123");
  await expectAccessible(page);
  expect((await e2eDb().strategyPeriod.findFirstOrThrow({ where: { name } })).adoptedOn).toBeNull();

  await page.getByLabel("Søk i plannavn").fill("");
  await page.getByLabel("Vedtak", { exact: true }).selectOption("undecided");
  await page.getByRole("button", { name: "Vis", exact: true }).click();
  await expect(page).toHaveURL(/decision=undecided/);
  await page.getByRole("radio", { name: /^Alle \d+ rader i utvalget$/ }).check();
  await page.getByLabel("Nytt vedtak").selectOption("continue");
  await page.getByRole("button", { name: "Endre", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: /rader? endret\./ })).toBeVisible();
  expect(await e2eDb().plan.findFirst({ where: { title: newTitle } })).toBeNull();

  await page.getByLabel("Vedtatt dato").fill("2008-06-12");
  await page.getByLabel("Vedtatt av").selectOption("kommunestyret");
  await page.getByLabel("Saksnummer").fill("08/123");
  await page.getByRole("button", { name: "Registrer vedtaket" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Planstrategien er vedtatt." })).toBeVisible();
  await expect(page.getByTestId("draft-status")).toHaveCount(0);
  await expectAccessible(page);
  const created = await e2eDb().plan.findFirstOrThrow({ where: { title: newTitle }, include: { relationsFrom: true } });
  expect(created).toMatchObject({ status: "planlagt", responsibleUnit: unit });
  expect(created.relationsFrom.map((r) => [r.kind, r.toPlanId])).toEqual([["replaces", due.id]]);
  const period = await e2eDb().strategyPeriod.findFirstOrThrow({ where: { name } });
  const decisions = await e2eDb().strategyDecision.findMany({ where: { periodId: period.id, planId: { in: [due.id, later.id, created.id] } }, orderBy: { planId: "asc" } });
  expect(decisions.map((x) => [x.planId, x.decision, x.targetYear])).toEqual([[due.id, "revise", 2010], [later.id, "revise", 2009], [created.id, "new", 2011]].sort((a, b) => Number(a[0]) - Number(b[0])));
});

test("a viewer reads a draft planprogram and its workload, with nothing to change", async ({ page, loginAs, visit }) => {
  const tag = randomUUID().slice(0, 6);
  const plan = await e2eDb().plan.create({ data: { title: `Leseplan ${tag}`, type: "temaplan", status: "vedtatt", adoptedOn: d("2010-01-01"), adoptedBy: "kommunestyret", revisionDueOn: d("2013-01-01"), responsibleUnit: `Leseenhet ${tag}` } });
  const period = await e2eDb().strategyPeriod.create({ data: { name: `Planstrategi 2012–2015 utkast ${tag}`, startYear: 2012, endYear: 2015, councilConstitutedOn: d("2011-10-20") } });
  await e2eDb().strategyDraftItem.create({ data: { periodId: period.id, planId: plan.id, decision: "revise", targetYear: 2013, responsibleUnit: `Leseenhet ${tag}`, reason: "due_in_period", dueOn: d("2013-01-01") } });
  await loginAs("viewer");
  await visit(`/periods/${period.id}`);
  await expect(page.getByTestId("draft-status")).toContainText("Utkast – ikke vedtatt.");
  const row = page.locator("[data-draft-row]").filter({ hasText: `Leseplan ${tag}` });
  await expect(row.getByRole("cell")).toHaveText(["Temaplan", "1. jan. 2013", "Revisjon forfaller 2013, innen perioden.", "Revideres", "2013", `Leseenhet ${tag}`, ""]);
  await expect(page.locator("main").getByRole("combobox").and(page.locator("[form^=draft-row]"))).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Registrer vedtaket" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Legg til ny plan" })).toHaveCount(0);
  await expect(page.getByTestId("workload-table").getByRole("row", { name: new RegExp(`Leseenhet ${tag}`) }).getByRole("cell")).toHaveText(["0", "1", "0", "0", "1"]);
  // The draft as a council document, from its link, with the viewer's session.
  const docx = page.getByRole("link", { name: "Vedlegg til saksframlegg (Word)" });
  await expect(docx).toHaveAttribute("href", `/periods/${period.id}/document?format=docx&draft=1`);
  const response = await page.request.get((await docx.getAttribute("href"))!);
  expect(response.status()).toBe(200);
  const text = (await mammoth.extractRawText({ buffer: await response.body() })).value;
  expect(text).toContain(`Utkast til planprogram: ${period.name}`);
  expect(text).toContain(`Leseplan ${tag}`);
  expect(text).toContain(`Leseenhet ${tag}`);
  // Printing keeps the chart and the table, without the forms.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByTestId("workload-chart")).toBeVisible();
  await expect(page.getByRole("form", { name: "Filtrer utkastet" })).toBeHidden();
});

test("an overdue plan's reason says it is overdue, and the publish and adoption dates are typed the Norwegian way", async ({ page, loginAs, visit }) => {
  test.setTimeout(90_000);
  const tag = randomUUID().slice(0, 6);
  const plan = await e2eDb().plan.create({ data: { title: `Forfalt plan ${tag}`, type: "temaplan", status: "vedtatt", adoptedOn: d("2014-01-01"), adoptedBy: "kommunestyret", revisionDueOn: d("2022-06-30"), responsibleUnit: `Enhet ${tag}` } });
  const period = await e2eDb().strategyPeriod.create({ data: { name: `Planstrategi 2028–2031 datoer ${tag}`, startYear: 2028, endYear: 2031, councilConstitutedOn: d("2027-10-20") } });
  await e2eDb().strategyDraftItem.create({ data: { periodId: period.id, planId: plan.id, decision: "revise", targetYear: 2028, responsibleUnit: `Enhet ${tag}`, reason: "overdue", dueOn: d("2022-06-30") } });
  await loginAs("editor");
  await visit(`/periods/${period.id}`);
  const row = page.locator("[data-draft-row]").filter({ hasText: `Forfalt plan ${tag}` });
  await expect(row).toContainText("Forfalt: revisjonen skulle vært gjort i 2022, før perioden. Revideres i periodens første år.");
  await expect(row).not.toContainText("innen perioden");

  // Publishing: an impossible date is refused next to the field, nothing is saved; 16.06.2029 is.
  const published = page.getByLabel("Lagt ut til offentlig ettersyn");
  await expect(published).toHaveAttribute("type", "text");
  await published.fill("30.02.2029");
  await page.getByRole("button", { name: "Registrer utleggingen" }).click();
  await expect(published).toHaveAccessibleDescription(/Dette er ikke en gyldig dato/);
  await expect(published).toHaveAttribute("aria-invalid", "true");
  await expect(published).toHaveValue("30.02.2029");
  await expectAccessible(page);
  expect((await e2eDb().strategyPeriod.findUniqueOrThrow({ where: { id: period.id } })).draftPublishedOn).toBeNull();
  await published.fill("16.06.2029");
  await page.getByRole("button", { name: "Registrer utleggingen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Datoen for utleggingen er registrert." })).toBeVisible();
  expect((await e2eDb().strategyPeriod.findUniqueOrThrow({ where: { id: period.id } })).draftPublishedOn).toEqual(d("2029-06-16"));
  await expect(page.getByLabel("Lagt ut til offentlig ettersyn")).toHaveValue("16.06.2029");

  // Adoption: the browser checks the date on leaving the field, and the server refuses it too.
  const adopted = page.getByLabel("Vedtatt dato");
  await expect(adopted).toHaveAttribute("type", "text");
  await adopted.fill("30.02.2029");
  await adopted.press("Tab");
  await expect(adopted).toHaveAccessibleDescription(/Dette er ikke en gyldig dato/);
  await page.getByRole("button", { name: "Registrer vedtaket" }).click();
  await expect(page.getByLabel("Vedtatt dato")).toHaveAccessibleDescription(/Dette er ikke en gyldig dato/);
  await expect(page.getByLabel("Vedtatt dato")).toHaveValue("30.02.2029");
  await expectAccessible(page);
  expect((await e2eDb().strategyPeriod.findUniqueOrThrow({ where: { id: period.id } })).adoptedOn).toBeNull();
});
