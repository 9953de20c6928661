// The schedule is paged, so no response grows with the register; the whole of it is a download.
import { expect, test } from "./fixtures";
import { e2eDb } from "./support/db";

test("at 200 plans the schedule shows one page of plans with group sizes for all, and the download holds every plan", async ({ page, loginAs, visit }) => {
  const unit = `Sideenhet ${Date.now()}`;
  await e2eDb().plan.createMany({
    data: Array.from({ length: 200 }, (_, i) => ({
      title: i === 0 ? `=HYPERLINK("http://evil.example") ${unit}` : `${unit} plan ${String(i).padStart(2, "0")}`,
      type: i % 2 ? ("temaplan" as const) : ("strategi" as const), status: "vedtatt" as const, responsibleUnit: unit,
      adoptedOn: new Date("2020-01-01"), adoptedBy: "kommunestyret" as const, revisionDueOn: new Date(`${2025 + (i % 5)}-06-01`),
    })),
  });
  await loginAs("viewer");
  await visit(`/schedule?unit=${encodeURIComponent(unit)}&size=10`);
  await expect(page.getByRole("status").filter({ hasText: "200 planer" })).toContainText("viser 1–10");
  // The plan tables of this page hold 10 plans in all (the closing-consultations table is apart); each group heading counts the whole group.
  await expect(page.locator("main table:not([data-testid=consultations]) tbody tr")).toHaveCount(10);
  await expect(page.getByRole("heading", { level: 2, name: /\(100 planer\)/ }).first()).toBeVisible();
  const pagination = page.getByRole("navigation", { name: /side/i });
  await expect(pagination).toContainText("Side 1 av 20");
  await pagination.getByRole("link", { name: /Neste/ }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.locator("main table:not([data-testid=consultations]) tbody tr")).toHaveCount(10);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Last ned hele revisjonsplanen (CSV)" }).click();
  const file = await (await download).createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of file) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  expect(text.startsWith("\uFEFF")).toBe(true);
  const lines = text.slice(1).split("\r\n").filter(Boolean);
  expect(lines).toHaveLength(201);
  expect(lines[0]).toContain(";");
  expect(text).toContain(`"'=HYPERLINK(""http://evil.example"") ${unit}"`);
  expect(lines.slice(1).every((l) => !/^[=+\-@]/.test(l.split(";")[1] ?? ""))).toBe(true);
});
