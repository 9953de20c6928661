// Every per-instance cache is keyed by the tenant (decision 057): two municipalities whose register
// versions coincide never get each other's cached answers, and a change in one leaves the other's
// cached. A database of its own with two tenants; lib/db is that database's client here.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { withTenant } from "../lib/tenant-context";
import { addMunicipality, closeTenantLibDb, type TenantLibDb } from "./support/tenant-lib-db";

const holder = vi.hoisted(() => ({}) as TenantLibDb);

vi.mock("../lib/db", async () => (await import("./support/tenant-lib-db")).tenantLibDb(holder, "planregister_tenant_caches"));

const { cachedForRegister, registerVersion } = await import("../lib/register-cache");
const { boundedCouncilFile } = await import("../lib/council/bounded");
const { listPlansPage, planListParamsSchema } = await import("../lib/plans/list");

let b: number;
const A = 1;

beforeAll(async () => {
  const t = holder.t!;
  b = await addMunicipality(t);
  // The same version in both: only the tenant in the key tells their caches apart.
  await t.owner.query(`UPDATE data_versions SET version = 4242 WHERE name = 'register'`);
  for (const [tenant, unit] of [[A, "Røros teknisk"], [b, "Holtålen teknisk"]] as const) {
    await withTenant(tenant, async () => {
      const owner = await holder.db!.user.create({ data: { email: `eier${tenant}@kommune.test`, name: "Eier", role: "editor" } });
      await holder.db!.plan.create({ data: { title: `Plan i ${unit}`, type: "temaplan", ownerId: owner.id, responsibleUnit: unit } });
    });
  }
  await t.owner.query(`UPDATE data_versions SET version = 4242 WHERE name = 'register'`);
});

afterAll(() => closeTenantLibDb(holder));

const version = (tenant: number) => withTenant(tenant, () => registerVersion());

describe("caches keyed by tenant", () => {
  it("two tenants with the same register version get their own cached values", async () => {
    expect(await version(A)).toBe(4242n);
    expect(await version(b)).toBe(4242n);
    let loads = 0;
    const load = (who: string) => async () => `${who} ${++loads}`;
    expect(await withTenant(A, () => cachedForRegister("choices", load("A")))).toBe("A 1");
    expect(await withTenant(b, () => cachedForRegister("choices", load("B")))).toBe("B 2");
    expect(await withTenant(A, () => cachedForRegister("choices", load("A")))).toBe("A 1");
    expect(await withTenant(b, () => cachedForRegister("choices", load("B")))).toBe("B 2");
  });

  it("the register's filter choices are each municipality's own, even from a warm cache", async () => {
    const params = planListParamsSchema.parse({});
    const units = async (tenant: number) => (await withTenant(tenant, () => listPlansPage(params))).units;
    expect(await units(A)).toEqual(["Røros teknisk"]);
    expect(await units(b)).toEqual(["Holtålen teknisk"]);
    expect(await units(A)).toEqual(["Røros teknisk"]);
  });

  it("a change in one tenant moves only its version: the other's cached value stays", async () => {
    let loads = 0;
    const load = async () => ++loads;
    await withTenant(A, () => cachedForRegister("stays", load));
    await withTenant(b, () => cachedForRegister("stays", load));
    expect(loads).toBe(2);
    await withTenant(b, async () => {
      const owner = await holder.db!.user.findFirstOrThrow();
      await holder.db!.plan.create({ data: { title: "Ny plan i Holtålen", type: "temaplan", ownerId: owner.id } });
    });
    expect(await version(A)).toBe(4242n);
    expect(await version(b)).toBeGreaterThan(4242n);
    expect(await withTenant(A, () => cachedForRegister("stays", load))).toBe(1);
    expect(await withTenant(b, () => cachedForRegister("stays", load))).toBe(3);
  });

  it("council documents of two tenants at the same version are built and kept apart", async () => {
    await holder.t!.owner.query(`UPDATE data_versions SET version = 777 WHERE name = 'register'`);
    const file = (who: string) => async () => Buffer.from(`dokument for ${who}`);
    expect((await withTenant(A, () => boundedCouncilFile("same-key", file("A"))))?.toString()).toBe("dokument for A");
    expect((await withTenant(b, () => boundedCouncilFile("same-key", file("B"))))?.toString()).toBe("dokument for B");
    expect((await withTenant(A, () => boundedCouncilFile("same-key", file("A again"))))?.toString()).toBe("dokument for A");
  });
});
