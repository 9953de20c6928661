// Finding the tenant from the host name (decision 046): one tenant answers on every host; with
// several, only on its own host names, and an unknown host has none.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normalizeHost, requestHost, tenantResolver } from "../lib/http/tenant-host";
import { tenantDatabase, type TenantDatabase } from "./support/tenant-db";

let t: TenantDatabase;
let pool: pg.Pool;

beforeAll(async () => {
  t = await tenantDatabase("planregister_tenant_host");
  pool = new pg.Pool({ ...t.config, max: 1 });
});
afterAll(async () => {
  await pool?.end();
  await t?.close();
});

describe("the tenant of a host", () => {
  it("reads the host as tenant_hosts stores it, from Host or the trusted proxy's X-Forwarded-Host", () => {
    expect(normalizeHost("Planer.Roros.Kommune.NO:443")).toBe("planer.roros.kommune.no");
    expect(normalizeHost("roros.localhost.")).toBe("roros.localhost");
    for (const bad of [undefined, "", "a b", "evil.example/../x", "-x.no", "x".repeat(254)]) expect(normalizeHost(bad)).toBeNull();
    expect(requestHost("intern:3000", "planer.roros.kommune.no", 1)).toBe("planer.roros.kommune.no");
    expect(requestHost("planer.roros.kommune.no", "forged.example.org", 0)).toBe("planer.roros.kommune.no");
    expect(requestHost("intern", "forged.example.org, planer.holtalen.kommune.no", 1)).toBe("planer.holtalen.kommune.no");
  });

  it("with one tenant, every host (even none) is that tenant; with two, only the hosts named for each", async () => {
    const resolve = tenantResolver((sql, params) => pool.query(sql, params), { ttlMs: 0 });
    expect(await resolve("anything.example.org")).toBe(1);
    expect(await resolve(null)).toBe(1);
    const b = (await t.owner.query<{ id: number }>(`INSERT INTO tenants (kommunenummer, name, county_number, county_name) VALUES ('5026', 'Holtålen kommune', '50', 'Trøndelag') RETURNING id`)).rows[0]!.id;
    await t.owner.query(`INSERT INTO tenant_hosts (host, tenant_id) VALUES ('roros.localhost', 1), ('holtalen.localhost', $1)`, [b]);
    expect(await resolve("roros.localhost")).toBe(1);
    expect(await resolve("holtalen.localhost")).toBe(b);
    expect(await resolve("anything.example.org")).toBeNull();
    expect(await resolve(null)).toBeNull();
  });

  it("keeps answers for a while, and no more than the hosts it may keep", async () => {
    let queries = 0;
    const resolve = tenantResolver(async (sql, params) => (queries++, pool.query(sql, params)), { ttlMs: 60_000, maxHosts: 2 });
    await resolve("roros.localhost");
    await resolve("roros.localhost");
    expect(queries).toBe(1);
    await resolve("a.localhost");
    await resolve("b.localhost");
    await resolve("roros.localhost");
    expect(queries).toBe(4);
  });

  it("while the database does not answer, a host's last answer stands for a while; a host never seen gets the error", async () => {
    let down = false;
    const resolve = tenantResolver(async (sql, params) => {
      if (down) throw new Error("database down");
      return pool.query(sql, params);
    }, { ttlMs: 0, staleMs: 60_000 });
    expect(await resolve("roros.localhost")).toBe(1);
    down = true;
    expect(await resolve("roros.localhost")).toBe(1);
    await expect(resolve("never-seen.localhost")).rejects.toThrow("database down");
    const short = tenantResolver(async (sql, params) => {
      if (down) throw new Error("database down");
      return pool.query(sql, params);
    }, { ttlMs: 0, staleMs: 0 });
    down = false;
    expect(await short("roros.localhost")).toBe(1);
    down = true;
    await expect(short("roros.localhost")).rejects.toThrow("database down");
  });
});
