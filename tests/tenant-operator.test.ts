// Creating tenants (decision 055): `npm run tenant:create` as the owner, and the platform
// operator's SECURITY DEFINER functions as the app role; "your other municipalities" (decision
// 056). A database of its own: more tenants would end "exactly one tenant" for other files.
import { spawnSync } from "node:child_process";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenantAsOwner, parseTenantArgs } from "../scripts/tenants/create";
import { urlFromPgConfig } from "../scripts/db/connection";
import { projectRoot } from "../scripts/db/schema-engine";
import { hashToken } from "../lib/auth/secret-token";
import { createPrismaClient } from "../lib/prisma-client";
import { tenantRefusal } from "../lib/tenants/refusal";
import { withTenant } from "../lib/tenant-context";
import { inTenant, tenantDatabase, type TenantDatabase } from "./support/tenant-db";

let t: TenantDatabase;
let app: pg.Client;

const sqlState = (promise: Promise<unknown>) => promise.then(() => "no error", (e: { code?: string }) => e.code);
const counts = async () => (await t.owner.query(`SELECT (SELECT count(*)::int FROM tenants) AS tenants, (SELECT count(*)::int FROM tenant_hosts) AS hosts, (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM audit_events) AS audit`)).rows[0];
const args = (extra: Record<string, string | string[]>) =>
  Object.entries({ kommunenummer: "5026", name: "Holtålen kommune", "county-number": "50", "county-name": "Trøndelag", admin: "it@holtalen.kommune.no", host: "holtalen.localhost", ...extra })
    .flatMap(([k, v]) => (Array.isArray(v) ? v.flatMap((x) => [`--${k}`, x]) : v === "" ? [] : [`--${k}`, v]));

beforeAll(async () => {
  t = await tenantDatabase("planregister_operator");
  app = await t.appClient();
});
afterAll(async () => t?.close());

describe("npm run tenant:create", () => {
  let platform: number;
  let operatorId: number;

  it("creates a municipality, its host names and its admin in one go, with a one-time link on its own host", async () => {
    const input = parseTenantArgs(args({ host: ["planer.holtalen.kommune.no", "Holtalen.localhost"] }));
    const { tenantId, userId, link } = await createTenantAsOwner(t.config, input);
    expect(link).toMatch(/^https:\/\/planer\.holtalen\.kommune\.no\/set-password\/[\w-]{43}$/);
    const tenant = (await t.owner.query(`SELECT kind::text, kommunenummer, name, county_number, county_name FROM tenants WHERE id = $1`, [tenantId])).rows[0];
    expect(tenant).toEqual({ kind: "municipality", kommunenummer: "5026", name: "Holtålen kommune", county_number: "50", county_name: "Trøndelag" });
    expect((await t.owner.query(`SELECT host FROM tenant_hosts WHERE tenant_id = $1 ORDER BY host`, [tenantId])).rows.map((r) => r.host)).toEqual(["holtalen.localhost", "planer.holtalen.kommune.no"]);
    const user = (await t.owner.query(`SELECT tenant_id, email, name, role::text, password_hash FROM users WHERE id = $1`, [userId])).rows[0];
    expect(user).toEqual({ tenant_id: tenantId, email: "it@holtalen.kommune.no", name: "it", role: "admin", password_hash: null });
    const token = link.split("/").at(-1)!;
    expect((await t.owner.query(`SELECT tenant_id, user_id FROM password_tokens WHERE token_hash = $1 AND used_at IS NULL`, [hashToken(token)])).rows).toEqual([{ tenant_id: tenantId, user_id: userId }]);
    // Its settings and register version came with it; its audit says what was made and how.
    expect((await t.owner.query(`SELECT municipality_name FROM app_settings WHERE tenant_id = $1`, [tenantId])).rows).toEqual([{ municipality_name: "Holtålen kommune" }]);
    const audit = (await t.owner.query(`SELECT type, after->>'via' AS via FROM audit_events WHERE tenant_id = $1 ORDER BY id`, [tenantId])).rows;
    expect(audit).toEqual([{ type: "tenant.created", via: "command line" }, { type: "user.created", via: "command line" }]);
  });

  it("a county office gets a statsforvalter and the platform an operator; there is one platform", async () => {
    const county = await createTenantAsOwner(t.config, parseTenantArgs(["--kind", "county", "--name", "Statsforvalteren i Trøndelag", "--county-number", "50", "--county-name", "Trøndelag", "--host", "statsforvalter.localhost", "--admin", "fylke@statsforvalteren.no"]));
    const made = await createTenantAsOwner(t.config, parseTenantArgs(["--kind", "platform", "--name", "Planregister drift", "--host", "drift.localhost", "--admin", "drift@planregister.no"]));
    expect(made.link).toMatch(/^http:\/\/drift\.localhost:\d+\/set-password\//);
    const roles = (await t.owner.query(`SELECT t.kind::text, u.role::text FROM users u JOIN tenants t ON t.id = u.tenant_id WHERE u.id = ANY($1) ORDER BY t.kind`, [[county.userId, made.userId]])).rows;
    expect(roles).toEqual([{ kind: "county", role: "statsforvalter" }, { kind: "platform", role: "operator" }]);
    platform = made.tenantId;
    operatorId = made.userId;
    const before = await counts();
    await expect(createTenantAsOwner(t.config, parseTenantArgs(["--kind", "platform", "--name", "Drift 2", "--host", "drift2.localhost", "--admin", "x@planregister.no"]))).rejects.toThrow(/platform tenant exists already/);
    await expect(createTenantAsOwner(t.config, parseTenantArgs(["--kind", "county", "--name", "SF 2", "--county-number", "50", "--county-name", "Trøndelag", "--host", "sf2.localhost", "--admin", "x@sf.no"]))).rejects.toThrow(/County 50 already has/);
    expect(await counts()).toEqual(before);
  });

  it("bad input is one clear sentence, before anything is written", async () => {
    const cases: [string[], RegExp][] = [
      [args({ kommunenummer: "502" }), /--kommunenummer of 4 digits/],
      [args({ kommunenummer: "" }), /--kommunenummer of 4 digits/],
      [args({ admin: "not-an-address" }), /--admin must be the first user's e-mail/],
      [args({ kind: "city" }), /--kind must be municipality, county or platform/],
      [args({ host: "https://planer.kommune.no" }), /--host names of lower-case letters/],
      [args({ host: ["a.localhost", "a.localhost"] }), /different --host names/],
      [[...args({}), "--colour", "blue"], /Unknown option '--colour'.*Usage: npm run tenant:create/],
    ];
    for (const [argv, message] of cases) expect(() => parseTenantArgs(argv), argv.join(" ")).toThrow(message);
    const before = await counts();
    await expect(createTenantAsOwner(t.config, parseTenantArgs(args({ host: "ny.localhost" })))).rejects.toThrow(/Kommunenummer 5026 already belongs to a tenant/);
    await expect(createTenantAsOwner(t.config, parseTenantArgs(args({ kommunenummer: "5027", host: ["ny.localhost", "holtalen.localhost"] })))).rejects.toThrow(/host name holtalen\.localhost already belongs/);
    expect(await counts()).toEqual(before);
  });

  it("the command itself ends with the sentence and exit code 1", () => {
    const { DATABASE_URL: _ignored, ...env } = process.env;
    const run = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/tenant-create.ts", ...args({ kommunenummer: "5027", host: "holtalen.localhost" })], {
      cwd: projectRoot, env: { ...env, DATABASE_URL: urlFromPgConfig(t.config) }, encoding: "utf8", timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe("✖ The host name holtalen.localhost already belongs to a tenant.");
  });

  describe("the operator's functions, as the app role", () => {
    const create = (tenant: number, actor: number, kommunenummer: string, host: string) =>
      inTenant(app, tenant, () => app.query(`SELECT * FROM platform_create_tenant($1, 'municipality', $2, 'Røyrvik kommune', '50', 'Trøndelag', $3::text[], 'post@royrvik.kommune.no', 'Røyrvik IT', $4, now() + interval '1 day')`, [actor, kommunenummer, [host], `hash-${host}`]));

    it("cannot write tenants or host names itself", async () => {
      await inTenant(app, platform, async () => {
        expect(await sqlState(app.query(`INSERT INTO tenants (kommunenummer, name, county_number, county_name) VALUES ('5043', 'X', '50', 'T')`))).toBe("42501");
      });
      await inTenant(app, platform, async () => {
        expect(await sqlState(app.query(`INSERT INTO tenant_hosts (host, tenant_id) VALUES ('x.localhost', 1)`))).toBe("42501");
      });
      await inTenant(app, platform, async () => {
        expect(await sqlState(app.query(`SELECT * FROM tenant_create('platform', NULL, 'x', '00', '', '{x.localhost}', 'a@b.no', 'a', 'h', now(), '{}')`))).toBe("42501");
      });
    });

    it("creates a tenant only from the platform, as an active operator, with audit in both tenants", async () => {
      const before = await counts();
      // From a municipality's transaction, or as someone who is not an operator: refused.
      expect(await sqlState(create(1, operatorId, "5043", "royrvik.localhost"))).toBe("42501");
      const admin = (await t.owner.query(`SELECT id FROM users WHERE tenant_id <> $1 AND role = 'admin' LIMIT 1`, [platform])).rows[0].id;
      expect(await sqlState(create(platform, admin, "5043", "royrvik.localhost"))).toBe("42501");
      expect(await counts()).toEqual(before);

      const { rows } = await create(platform, operatorId, "5043", "royrvik.localhost");
      const made = rows[0].tenant_id;
      const platformAudit = (await t.owner.query(`SELECT actor_id, type, entity_id, after->>'adminEmail' AS admin FROM audit_events WHERE tenant_id = $1 AND type = 'tenant.created' AND actor_id IS NOT NULL`, [platform])).rows;
      expect(platformAudit).toEqual([{ actor_id: operatorId, type: "tenant.created", entity_id: String(made), admin: "post@royrvik.kommune.no" }]);
      const tenantAudit = (await t.owner.query(`SELECT type, after->>'via' AS via, after->>'operatorId' AS operator FROM audit_events WHERE tenant_id = $1 ORDER BY id`, [made])).rows;
      expect(tenantAudit).toEqual([{ type: "tenant.created", via: "operator", operator: String(operatorId) }, { type: "user.created", via: "operator", operator: String(operatorId) }]);
      // Submitted twice: the second is refused with the field it is about, and nothing more is written.
      const again = await create(platform, operatorId, "5043", "royrvik2.localhost").then(() => null, (e: { code?: string; detail?: string }) => [e.code, e.detail]);
      expect(again).toEqual(["P0001", "kommunenummer:taken"]);
      // Through Prisma, as the page calls it: the same refusal, found inside Prisma's error.
      const prisma = createPrismaClient(urlFromPgConfig(t.config), { max: 1, tenant: platform });
      try {
        const error = await prisma.$queryRaw`SELECT * FROM platform_create_tenant(${operatorId}::int, 'municipality', '5043', 'X', '50', 'T', ${["royrvik3.localhost"]}::text[], 'a@b.no', 'A', NULL, NULL)`.catch((e: unknown) => e);
        expect(tenantRefusal(error)).toMatchObject({ field: "kommunenummer", reason: "taken" });
        const forbidden = await withTenant(1, () => prisma.$queryRaw`SELECT * FROM platform_create_tenant(${operatorId}::int, 'county', NULL, 'X', '50', 'T', ${["x3.localhost"]}::text[], 'a@b.no', 'A', NULL, NULL)`.catch((e: unknown) => e));
        expect(tenantRefusal(forbidden)).toMatchObject({ reason: "forbidden" });
        expect(tenantRefusal(new Error("something else"))).toBeNull();
        // As lib/tenants/mutations.ts calls it (executeRaw: the function returns void).
        const made = (await t.owner.query(`SELECT id FROM tenants WHERE kommunenummer = '5043'`)).rows[0].id;
        await prisma.$executeRaw`SELECT platform_set_host(${operatorId}::int, ${made}::int, 'prisma.royrvik.localhost', true)`;
        await prisma.$executeRaw`SELECT platform_set_host(${operatorId}::int, ${made}::int, 'prisma.royrvik.localhost', false)`;
      } finally {
        await prisma.$disconnect();
      }
    });

    it("adds and removes host names, but never a tenant's last", async () => {
      const tenant = (await t.owner.query(`SELECT id FROM tenants WHERE kommunenummer = '5043'`)).rows[0].id;
      const setHost = (host: string, add: boolean) => inTenant(app, platform, () => app.query(`SELECT platform_set_host($1, $2, $3, $4)`, [operatorId, tenant, host, add]));
      const detail = (p: Promise<unknown>) => p.then(() => "ok", (e: { detail?: string }) => e.detail);
      expect(await detail(setHost("planer.royrvik.kommune.no", true))).toBe("ok");
      expect(await detail(setHost("holtalen.localhost", true))).toBe("host:taken");
      expect(await detail(setHost("not a host", true))).toBe("host:invalid");
      expect(await detail(setHost("royrvik.localhost", false))).toBe("ok");
      expect(await detail(setHost("planer.royrvik.kommune.no", false))).toBe("host:last");
      expect((await t.owner.query(`SELECT host FROM tenant_hosts WHERE tenant_id = $1`, [tenant])).rows).toEqual([{ host: "planer.royrvik.kommune.no" }]);
      const types = (await t.owner.query(`SELECT type FROM audit_events WHERE tenant_id = $1 AND type LIKE 'tenant.host%' ORDER BY id`, [tenant])).rows.map((r) => r.type);
      // Two through Prisma in the test before, two here.
      expect(types).toEqual(["tenant.host_added", "tenant.host_removed", "tenant.host_added", "tenant.host_removed"]);
    });
  });
});

describe("your other municipalities", () => {
  it("lists the tenants where the same e-mail has an active account, and only for the caller's own user", async () => {
    const holtalen = (await t.owner.query(`SELECT id FROM tenants WHERE kommunenummer = '5026'`)).rows[0].id;
    const royrvik = (await t.owner.query(`SELECT id FROM tenants WHERE kommunenummer = '5043'`)).rows[0].id;
    const add = (tenant: number, email: string, active = true) =>
      inTenant(t.owner, tenant, async () => (await t.owner.query(`INSERT INTO users (email, name, role, active, updated_at) VALUES ($1, 'IKS-rådgiver', 'editor', $2, now()) RETURNING id`, [email, active])).rows[0].id as number);
    const me = await add(1, "radgiver@iks.no");
    await add(holtalen, "radgiver@iks.no");
    await add(royrvik, "radgiver@iks.no", false);
    const someoneElse = await add(royrvik, "annen@iks.no");
    const others = (tenant: number, user: number) => inTenant(app, tenant, async () => (await app.query(`SELECT name, host FROM user_other_tenants($1)`, [user])).rows);
    expect(await others(1, me)).toEqual([{ name: "Holtålen kommune", host: "holtalen.localhost" }]);
    // Another tenant's user id from this tenant's transaction: nothing.
    expect(await others(1, someoneElse)).toEqual([]);
    expect(await others(royrvik, someoneElse)).toEqual([]);
  });
});
