// The app's Prisma client with two tenants (decision 045): every operation, raw query and
// transaction runs as the app role with the tenant of withTenant(), and the operations of an
// interactive transaction stay in it (the client-extension trap of prisma/orm#20678).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "../lib/prisma-client";
import { withTenant } from "../lib/tenant-context";
import { getTenant } from "../lib/tenant";
import { APP_ROLE } from "../lib/db-role";
import { urlFromPgConfig } from "../scripts/db/connection";
import { tenantDatabase, type TenantDatabase } from "./support/tenant-db";

let t: TenantDatabase;
let client: PrismaClient;
let b: number;
const a = 1;

beforeAll(async () => {
  t = await tenantDatabase("planregister_tenant_client");
  b = (await t.owner.query<{ id: number }>(`INSERT INTO tenants (kommunenummer, name, county_number, county_name) VALUES ('5027', 'Midtre Gauldal kommune', '50', 'Trøndelag') RETURNING id`)).rows[0]!.id;
  if (t.embedded) process.env.DATABASE_APP_ROLE = "set-local";
  client = createPrismaClient(urlFromPgConfig(t.config), { max: 2 });
});
afterAll(async () => {
  await client?.$disconnect();
  await t?.close();
});

describe("the app's Prisma client", () => {
  it("runs every operation as the app role in the tenant it is given", async () => {
    await withTenant(a, () => client.plan.create({ data: { title: "Plan i A", type: "temaplan" } }));
    const created = await withTenant(b, () => client.plan.create({ data: { title: "Plan i B", type: "temaplan" } }));
    expect(created.tenantId).toBe(b);
    expect((await withTenant(a, () => client.plan.findMany())).map((p) => p.title)).toEqual(["Plan i A"]);
    expect(await withTenant(b, () => client.plan.findUnique({ where: { id: created.id } }))).not.toBeNull();
    expect(await withTenant(a, () => client.plan.findUnique({ where: { id: created.id } }))).toBeNull();
    const [who] = await withTenant(b, () => client.$queryRaw<{ role: string; tenant: number }[]>`SELECT current_user AS role, app_current_tenant() AS tenant`);
    expect(who).toEqual({ role: APP_ROLE, tenant: b });
  });

  it("getTenant() is the tenant the queries are filtered by", async () => {
    expect(await withTenant(b, () => getTenant(client))).toEqual({ kind: "municipality", id: b, kommunenummer: "5027", name: "Midtre Gauldal kommune", countyNumber: "50", countyName: "Trøndelag" });
  });

  it("with several tenants and none given, refuses instead of guessing", async () => {
    await expect(client.plan.count()).rejects.toThrow(/No tenant given/);
  });

  it("keeps an interactive transaction's operations in that one transaction, with its tenant", async () => {
    const seen = await withTenant(b, () =>
      client.$transaction(async (tx) => {
        await tx.plan.create({ data: { title: "Innenfor", type: "temaplan" } });
        const rows = await tx.$queryRaw<{ xid: bigint; tenant: number }[]>`SELECT txid_current() AS xid, app_current_tenant() AS tenant`;
        const again = await tx.$queryRaw<{ xid: bigint }[]>`SELECT txid_current() AS xid`;
        return { ...rows[0]!, same: rows[0]!.xid === again[0]!.xid, count: await tx.plan.count() };
      }),
    );
    expect(seen).toMatchObject({ tenant: b, same: true, count: 2 });
    // A failure rolls back what the transaction's operations wrote.
    await expect(
      withTenant(b, () =>
        client.$transaction(async (tx) => {
          await tx.plan.create({ data: { title: "Rulles tilbake", type: "temaplan" } });
          throw new Error("stopp");
        }),
      ),
    ).rejects.toThrow("stopp");
    expect(await withTenant(b, () => client.plan.count())).toBe(2);
    const [one, two] = await withTenant(a, () => client.$transaction([client.plan.count(), client.$queryRaw<{ tenant: number }[]>`SELECT app_current_tenant() AS tenant`]));
    expect([one, two]).toEqual([1, [{ tenant: a }]]);
  });

  it("lookups by id of two tenants in the same tick each run in their own tenant (Prisma batches findUnique, so the app uses findFirst)", async () => {
    const inA = await withTenant(a, () => client.plan.create({ data: { title: "Batch A", type: "temaplan" } }));
    const inB = await withTenant(b, () => client.plan.create({ data: { title: "Batch B", type: "temaplan" } }));
    // B asks for A's row while A asks for its own, in the same tick. With findUnique Prisma sends both
    // as one query in one tenant's transaction: A got nothing, and the other order gives B A's row.
    const [seenByB, seenByA] = await Promise.all([
      withTenant(b, () => client.plan.findFirst({ where: { id: inA.id }, select: { title: true } })),
      withTenant(a, () => client.plan.findFirst({ where: { id: inA.id }, select: { title: true } })),
    ]);
    expect(seenByA?.title).toBe("Batch A");
    expect(seenByB).toBeNull();
    expect(inB.tenantId).toBe(b);
  });
});
