// Rules the database itself enforces, whatever the application code does.
import { describe, expect, it } from "vitest";
import { db } from "../lib/db";
import { createPlan, unique } from "./support/factories";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("database constraints", () => {
  it("revision due before adoption is refused", async () => {
    await expect(createPlan({ status: "vedtatt", adoptedOn: d("2020-05-01"), adoptedBy: "kommunestyret", revisionDueOn: d("2020-04-30") })).rejects.toThrow(/plans_revision_after_adoption_check/);
  });

  it("an adopted plan needs its adoption date and body", async () => {
    await expect(createPlan({ status: "vedtatt" })).rejects.toThrow(/plans_in_force_adopted_check/);
  });

  it("plan period must run forwards", async () => {
    await expect(createPlan({ periodFromYear: 2030, periodToYear: 2020 })).rejects.toThrow(/plans_period_order_check/);
  });

  it("titles are unique among active plans of one type, ignoring case, but archived plans free the title", async () => {
    const title = unique("Kulturplan");
    const first = await createPlan({ title });
    await expect(createPlan({ title: title.toUpperCase() })).rejects.toThrow();
    await createPlan({ title, type: "strategi" });
    await db.plan.update({ where: { id: first.id }, data: { archivedAt: new Date() } });
    await expect(createPlan({ title })).resolves.toMatchObject({ title });
  });

  it("a plan cannot relate to itself", async () => {
    const plan = await createPlan();
    await expect(db.planRelation.create({ data: { fromPlanId: plan.id, toPlanId: plan.id, kind: "supports" } })).rejects.toThrow(/plan_relations_not_self_check/);
  });

  it("document links must be http(s)", async () => {
    const plan = await createPlan();
    await expect(db.planDocument.create({ data: { planId: plan.id, label: "Vedtak", url: "javascript:alert(1)" } })).rejects.toThrow(/plan_documents_url_check/);
    await expect(db.planDocument.create({ data: { planId: plan.id, label: "Vedtak", url: "https://example.org/vedtak.pdf" } })).resolves.toBeTruthy();
  });

  it("a planning strategy cannot be adopted before the council was constituted", async () => {
    await expect(
      db.strategyPeriod.create({ data: { name: unique("Planstrategi"), startYear: 2024, endYear: 2027, councilConstitutedOn: d("2023-10-20"), adoptedOn: d("2023-10-01") } }),
    ).rejects.toThrow(/strategy_periods_adopted_after_constituted_check/);
  });

  it("e-mail addresses are stored normalised and unique", async () => {
    const email = `${unique("user").replace(" ", "-")}@example.org`;
    await db.user.create({ data: { email, name: "Test" } });
    await expect(db.user.create({ data: { email, name: "Test 2" } })).rejects.toThrow();
    await expect(db.user.create({ data: { email: `X${email}`, name: "Upper" } })).rejects.toThrow(/users_email_normalized_check/);
  });
});
