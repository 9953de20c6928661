// Row-level security at the SQL level, as the app role (decisions 044, 045): what PostgreSQL itself
// refuses, whatever our queries forget. Two tenants in a database of their own.
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ROLE } from "../lib/db-role";
import { inTenant, tenantDatabase, type TenantDatabase } from "./support/tenant-db";

let t: TenantDatabase;
let app: pg.Client;
let a: number;
let b: number;

const titles = async (client: pg.Client, sql = "SELECT title FROM plans ORDER BY title") => (await client.query<{ title: string }>(sql)).rows.map((r) => r.title);
const sqlState = (promise: Promise<unknown>) => promise.then(() => "no error", (e: { code?: string }) => e.code);

beforeAll(async () => {
  t = await tenantDatabase("planregister_rls");
  a = 1;
  b = (await t.owner.query<{ id: number }>(`INSERT INTO tenants (kommunenummer, name, county_number, county_name) VALUES ('5026', 'Holtålen kommune', '50', 'Trøndelag') RETURNING id`)).rows[0]!.id;
  // The owner bypasses row-level security, and sets each tenant only for the column defaults.
  for (const [tenant, prefix] of [[a, "A"], [b, "B"]] as const) {
    await inTenant(t.owner, tenant, async () => {
      await t.owner.query(`INSERT INTO users (email, name, role, updated_at) VALUES ($1, $2, 'admin', now())`, [`${prefix.toLowerCase()}@example.org`, `Admin ${prefix}`]);
      await t.owner.query(`INSERT INTO plans (title, type, status, adopted_on, adopted_by, updated_at) VALUES ($1, 'temaplan', 'vedtatt', '2024-01-01', 'kommunestyret', now()), ($2, 'temaplan', 'planlagt', NULL, NULL, now())`, [`${prefix} plan 1`, `${prefix} plan 2`]);
    });
  }
  app = await t.appClient();
});
afterAll(async () => t?.close());

describe("row-level security as the app role", () => {
  it("the app role is neither superuser nor BYPASSRLS nor owner of a table, and cannot become one", async () => {
    const { rows } = await app.query(`SELECT current_user AS name, rolsuper, rolbypassrls, (SELECT count(*)::int FROM pg_tables WHERE tableowner = current_user) AS owned FROM pg_roles WHERE rolname = current_user`);
    expect(rows).toEqual([{ name: APP_ROLE, rolsuper: false, rolbypassrls: false, owned: 0 }]);
    if (!t.embedded) {
      // Its own login: there is no other role to return to.
      expect(await sqlState(app.query("SET ROLE postgres"))).toBe("42501");
      await app.query("RESET ROLE");
      expect((await app.query("SELECT current_user AS u")).rows).toEqual([{ u: APP_ROLE }]);
    }
  });

  it("a query without our own tenant filter sees only its tenant's rows, in reads, aggregates and joins", async () => {
    expect(await inTenant(app, a, () => titles(app))).toEqual(["A plan 1", "A plan 2"]);
    expect(await inTenant(app, b, () => titles(app))).toEqual(["B plan 1", "B plan 2"]);
    const counts = await inTenant(app, a, async () => (await app.query(`SELECT (SELECT count(*)::int FROM plans) AS plans, (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM plan_events) AS events, (SELECT count(*)::int FROM app_settings) AS settings`)).rows[0]);
    expect(counts).toEqual({ plans: 2, users: 1, events: 1, settings: 1 });
  });

  it("writing a row for another tenant, or moving one there, is refused", async () => {
    await inTenant(app, a, async () => {
      expect(await sqlState(app.query(`INSERT INTO plans (tenant_id, title, type, updated_at) VALUES ($1, 'Smuglet', 'temaplan', now())`, [b]))).toBe("42501");
    });
    await inTenant(app, a, async () => {
      expect(await sqlState(app.query(`UPDATE plans SET tenant_id = $1`, [b]))).toBe("42501");
    });
    // Another tenant's rows are not there to update or delete.
    const touched = await inTenant(app, a, async () => (await app.query(`UPDATE plans SET summary = 'x' WHERE title LIKE 'B %'`)).rowCount);
    expect(touched).toBe(0);
    expect(await inTenant(t.owner, b, () => titles(t.owner, `SELECT title FROM plans WHERE tenant_id = ${b} ORDER BY title`))).toEqual(["B plan 1", "B plan 2"]);
  });

  it("a reference to another tenant's row is refused by the composite foreign keys, even by the owner", async () => {
    const userB = (await t.owner.query<{ id: number }>(`SELECT id FROM users WHERE tenant_id = $1`, [b])).rows[0]!.id;
    const state = await inTenant(t.owner, a, () => sqlState(t.owner.query(`INSERT INTO plans (title, type, owner_id, updated_at) VALUES ('Feil eier', 'temaplan', $1, now())`, [userB])));
    expect(state).toBe("23503");
  });

  it("a new row takes the transaction's tenant; without a tenant nothing is seen and nothing written", async () => {
    const tenantOfNew = await inTenant(app, b, async () => (await app.query<{ tenant_id: number }>(`INSERT INTO plans (title, type, updated_at) VALUES ('B plan 3', 'temaplan', now()) RETURNING tenant_id`)).rows[0]!.tenant_id);
    expect(tenantOfNew).toBe(b);
    expect(await titles(app)).toEqual([]);
    expect((await app.query(`SELECT count(*)::int AS n FROM users`)).rows).toEqual([{ n: 0 }]);
    expect(await sqlState(app.query(`INSERT INTO plans (title, type, updated_at) VALUES ('Uten kommune', 'temaplan', now())`))).toBe("42501");
  });

  it("a connection back from a transaction, committed or rolled back, carries no tenant", async () => {
    await inTenant(app, a, () => titles(app));
    expect((await app.query(`SELECT app_current_tenant() AS t`)).rows).toEqual([{ t: null }]);
    await app.query("BEGIN");
    await app.query("SELECT app_set_tenant($1)", [b]);
    await app.query("ROLLBACK");
    expect((await app.query(`SELECT app_current_tenant() AS t`)).rows).toEqual([{ t: null }]);
    expect(await titles(app)).toEqual([]);
  });

  it("with several tenants, a transaction that names none is an error, not a guess", async () => {
    await app.query("BEGIN");
    const error = await app.query("SELECT app_set_tenant(NULL)").catch((e: Error) => e);
    await app.query("ROLLBACK");
    expect(String(error)).toMatch(/No tenant given, and this database has several/);
  });

  it("statement triggers bump the changing tenant's register version only", async () => {
    const versions = async () => Object.fromEntries((await t.owner.query<{ tenant_id: number; version: string }>(`SELECT tenant_id, version::text FROM data_versions WHERE name = 'register'`)).rows.map((r) => [r.tenant_id, BigInt(r.version)]));
    const before = await versions();
    await inTenant(app, a, () => app.query(`UPDATE plans SET summary = 'endret'`));
    const after = await versions();
    expect(after[a]! - before[a]!).toBe(1n);
    expect(after[b]).toBe(before[b]);
  });

  it("tenants and host names can be read but not written by the app; the migrations' table not even read", async () => {
    expect((await app.query(`SELECT count(*)::int AS n FROM tenants`)).rows).toEqual([{ n: 2 }]);
    expect(await sqlState(app.query(`INSERT INTO tenant_hosts (host, tenant_id) VALUES ('x.example.org', ${a})`))).toBe("42501");
    expect(await sqlState(app.query(`SELECT 1 FROM _prisma_migrations`))).toBe("42501");
  });
});
