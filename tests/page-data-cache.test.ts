// The signed-in pages' data cache (decision 060) never hands one tenant's, role's or language's
// data to another, nor data from before a register change: two tenants in a database of their
// own, their register versions moved by real writes through the app's client.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "../lib/prisma-client";
import { cachedPageData, type PageDataKey } from "../lib/page-data-cache";
import { withTenant } from "../lib/tenant-context";
import { urlFromPgConfig } from "../scripts/db/connection";
import { tenantDatabase, type TenantDatabase } from "./support/tenant-db";
import { unique } from "./support/factories";

let t: TenantDatabase;
let client: PrismaClient;
let b: number;
const a = 1;

beforeAll(async () => {
  t = await tenantDatabase("planregister_page_data");
  b = (await t.owner.query<{ id: number }>(`INSERT INTO tenants (kommunenummer, name, county_number, county_name) VALUES ('5028', 'Melhus kommune', '50', 'Trøndelag') RETURNING id`)).rows[0]!.id;
  if (t.embedded) process.env.DATABASE_APP_ROLE = "set-local";
  client = createPrismaClient(urlFromPgConfig(t.config), { max: 2 });
});
afterAll(async () => {
  await client?.$disconnect();
  await t?.close();
});

// The tenant's register version as the app reads it (row-level security picks the tenant's row).
const version = async () => (await client.dataVersion.findFirst({ where: { name: "register" }, select: { version: true } }))?.version ?? 0n;
// What the page would show: the tenant's plan titles, read through row-level security.
const titles = async () => (await client.plan.findMany({ select: { title: true }, orderBy: { title: "asc" } })).map((p) => p.title);

/** Reads `part` in `tenant` through the cache; returns the value and whether this call loaded it. */
async function read(tenant: number, part: PageDataKey) {
  let loaded = false;
  const value = await withTenant(tenant, () => cachedPageData(part, async () => ((loaded = true), titles()), version));
  return { value, loaded };
}

describe("the signed-in pages' data cache", () => {
  it("keeps each tenant's data to that tenant, even under the same page, role and language", async () => {
    const page = unique("plans");
    await withTenant(a, () => client.plan.create({ data: { title: "Bare i A", type: "temaplan" } }));
    await withTenant(b, () => client.plan.create({ data: { title: "Bare i B", type: "temaplan" } }));
    const part = { page, role: "viewer", locale: "nb" };
    expect(await read(a, part)).toEqual({ value: ["Bare i A"], loaded: true });
    expect(await read(a, part)).toEqual({ value: ["Bare i A"], loaded: false });
    expect(await read(b, part)).toEqual({ value: ["Bare i B"], loaded: true });
    expect(await read(a, part)).toEqual({ value: ["Bare i A"], loaded: false });
  });

  it("does not serve one role's or language's entry to another", async () => {
    const page = unique("overview");
    expect((await read(a, { page, role: "admin", locale: "nb" })).loaded).toBe(true);
    expect((await read(a, { page, role: "viewer", locale: "nb" })).loaded).toBe(true);
    expect((await read(a, { page, role: "viewer", locale: "en" })).loaded).toBe(true);
    expect((await read(a, { page, role: "admin", locale: "nb" })).loaded).toBe(false);
    // The page's parameters are part of the key too.
    expect((await read(a, { page, role: "admin", locale: "nb", params: { q: "x" } })).loaded).toBe(true);
  });

  it("reads afresh after a change to the register, and only in the tenant that changed", async () => {
    const page = unique("plans");
    const part = { page, role: "editor", locale: "nb" };
    const before = (await read(a, part)).value;
    await read(b, part);
    // Another instance's save: a write through its own client moves the version in PostgreSQL.
    await withTenant(a, () => client.plan.create({ data: { title: "Ny i A", type: "temaplan" } }));
    expect(await read(a, part)).toEqual({ value: [...before, "Ny i A"].sort(), loaded: true });
    expect((await read(b, part)).loaded).toBe(false);
  });
});
