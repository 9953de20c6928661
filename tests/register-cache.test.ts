// The cached filter choices follow the register: every change to plans or users moves the
// version the caches are keyed by, whichever instance (or a bare SQL statement) made it.
import { describe, expect, it } from "vitest";
import { db } from "../lib/db";
import { cachedForRegister, registerVersion } from "../lib/register-cache";
import { listPlansPage, planListParamsSchema } from "../lib/plans/list";
import { createPlan, unique } from "./support/factories";
import { createUser } from "./support/users";

describe("register cache", () => {
  it("plans, targets and users changed by any statement move the version", async () => {
    const v0 = await registerVersion();
    const plan = await createPlan({});
    const v1 = await registerVersion();
    expect(v1).toBeGreaterThan(v0);
    await db.$executeRaw`UPDATE plans SET summary = 'endret utenom appen' WHERE id = ${plan.id}`;
    const v2 = await registerVersion();
    expect(v2).toBeGreaterThan(v1);
    await db.planTarget.create({ data: { planId: plan.id, targetCode: "3.4" } });
    const v3 = await registerVersion();
    expect(v3).toBeGreaterThan(v2);
    await createUser("viewer");
    expect(await registerVersion()).toBeGreaterThan(v3);
  });

  it("serves the cached value until the register changes", async () => {
    let loads = 0;
    const load = async () => ++loads;
    const key = unique("nøkkel");
    expect(await cachedForRegister(key, load)).toBe(1);
    expect(await cachedForRegister(key, load)).toBe(1);
    await createPlan({});
    expect(await cachedForRegister(key, load)).toBe(2);
  });

  it("a new unit is offered by the register's filter at once", async () => {
    const params = planListParamsSchema.parse({});
    await listPlansPage(params);
    const unit = unique("Ny enhet");
    await createPlan({ responsibleUnit: unit });
    expect((await listPlansPage(params)).units).toContain(unit);
  });
});
