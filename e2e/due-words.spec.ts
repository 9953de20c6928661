// An overdue plan says so in words wherever its due date is shown, as the schedule does.
import { expect, test } from "./fixtures";
import { e2eDb } from "./support/db";

test("the register and the plan's page say Forfalt next to an overdue plan's due date, not for a repealed one", async ({ page, loginAs, visit }) => {
  const stamp = Date.now();
  const overdue = await e2eDb().plan.create({ data: { title: `Forfallen plan ${stamp}`, type: "temaplan", status: "vedtatt", adoptedOn: new Date("2018-06-16"), adoptedBy: "kommunestyret", revisionDueOn: new Date("2022-06-16") } });
  await e2eDb().plan.create({ data: { title: `Opphevet plan ${stamp}`, type: "temaplan", status: "opphevet", revisionDueOn: new Date("2022-06-16") } });
  await loginAs("viewer");
  await visit(`/plans?q=${stamp}`);
  await expect(page.getByRole("row", { name: new RegExp(`Forfallen plan ${stamp}`) })).toContainText("Forfalt for");
  await expect(page.getByRole("row", { name: new RegExp(`Opphevet plan ${stamp}`) })).not.toContainText("Forfalt");
  await visit(`/plans/${overdue.id}`);
  await expect(page.getByText(/Forfalt for [\d\s]+ dager siden/)).toBeVisible();
});
