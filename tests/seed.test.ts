import { describe, expect, it } from "vitest";
import { createFreshDatabase } from "../scripts/db/fresh";
import { deployMigrations } from "../scripts/db/migrations";
import { loadData } from "../scripts/db/load-data";
import { urlFromPgConfig } from "../scripts/db/connection";
import { createPrismaClient } from "../lib/prisma-client";
import { db } from "../lib/db";
import { DEMO_PERIOD_NAME, demoPlans } from "../prisma/seed/demo";
import { verifyPassword } from "../lib/auth/password";
import { demoUsers } from "../prisma/seed/demo";
import { withTenant } from "../lib/tenant-context";
import { withClient } from "../scripts/db/connection";
import { countyDemoUser } from "../prisma/seed/county";
import { getCountyOverview } from "../lib/county/queries";
import { demoOperator } from "../prisma/seed/platform";

describe("SDG reference data", () => {
  it("holds all 17 goals and 169 targets, 145 of them with bokmål text", async () => {
    expect(await db.sdgGoal.count()).toBe(17);
    expect(await db.sdgTarget.count()).toBe(169);
    expect(await db.sdgTarget.count({ where: { textNb: { not: null } } })).toBe(145);
  });

  it("orders each goal's targets as the UN lists them: numbered, then lettered", async () => {
    const goal17 = await db.sdgTarget.findMany({ where: { goalCode: 11 }, orderBy: { sortOrder: "asc" }, select: { code: true } });
    expect(goal17.map((t) => t.code)).toEqual(["11.1", "11.2", "11.3", "11.4", "11.5", "11.6", "11.7", "11.a", "11.b", "11.c"]);
  });
});

describe("example data", () => {
  it("loads the example data once, however often it is asked for: Røros, two neighbours and the county office", async () => {
    const target = await createFreshDatabase("planregister_test_seed");
    const url = urlFromPgConfig(target.config);
    // Røros, the first tenant: the example data also has the platform (decision 055).
    const client = createPrismaClient(url, { max: 2, tenant: 1 });
    try {
      await deployMigrations(target.config, target.shadow);
      expect(await loadData(url, { demo: true })).toMatch(/Example data loaded\. Platform tenant added\. County example \(Trøndelag\) loaded\./);
      expect(await loadData(url, { demo: true })).toMatch(/Example data was already loaded\.$/);
      const tenants = await withClient(target.config, async (c) => (await c.query(`
        SELECT t.id, t.kind::text, t.kommunenummer, t.name, t.county_number, array_agg(h.host ORDER BY h.host) AS hosts
        FROM tenants t LEFT JOIN tenant_hosts h ON h.tenant_id = t.id GROUP BY t.id ORDER BY t.id`)).rows);
      // Røros keeps tenant 1 (the fresh database's) with its real number, on localhost and 127.0.0.1.
      const id = (name: string) => tenants.find((t) => t.name === name)!.id as number;
      expect(tenants.map(({ id: _id, ...t }) => t)).toEqual([
        { kind: "municipality", kommunenummer: "5025", name: "Røros kommune", county_number: "50", hosts: ["127.0.0.1", "localhost", "roros.localhost"] },
        { kind: "platform", kommunenummer: null, name: "Planregister drift", county_number: "00", hosts: ["drift.localhost"] },
        { kind: "municipality", kommunenummer: "5026", name: "Holtålen kommune", county_number: "50", hosts: ["holtalen.localhost"] },
        { kind: "municipality", kommunenummer: "5027", name: "Midtre Gauldal kommune", county_number: "50", hosts: ["midtre-gauldal.localhost"] },
        { kind: "county", kommunenummer: null, name: "Statsforvalteren i Trøndelag", county_number: "50", hosts: ["statsforvalter.localhost"] },
      ]);
      expect(tenants[0].id).toBe(1);
      // Each municipality's own name and innsyn in its settings (the owner's writes named their tenant).
      const settings = await withClient(target.config, async (c) => (await c.query(`SELECT tenant_id, municipality_name, innsyn_enabled FROM app_settings ORDER BY tenant_id`)).rows);
      expect(settings.filter((r) => r.innsyn_enabled).map((r) => [r.tenant_id, r.municipality_name])).toEqual(
        ["Røros kommune", "Holtålen kommune", "Midtre Gauldal kommune"].map((name) => [id(name), name]),
      );
      await withTenant(id("Planregister drift"), async () => {
        const operator = await client.user.findFirstOrThrow({ where: { email: demoOperator.email } });
        expect(operator.role).toBe("operator");
        expect(await verifyPassword(operator.passwordHash!, demoOperator.password)).toBe(true);
      });
      await withTenant(id("Statsforvalteren i Trøndelag"), async () => {
        const viewer = await client.user.findFirstOrThrow({ where: { email: countyDemoUser.email } });
        expect(viewer.role).toBe("statsforvalter");
        expect(await verifyPassword(viewer.passwordHash!, countyDemoUser.password)).toBe(true);
        // The county view has one strategy on time, one late and one missing to show.
        const figures = await getCountyOverview(new Date("2026-12-04T00:00:00Z"), client);
        expect(figures.map((m) => [m.kommunenummer, m.state])).toEqual([["5025", "missing"], ["5026", "on_time"], ["5027", "late"]]);
        expect(figures.every((m) => m.activePlans > 0 && m.lastUpdated !== null)).toBe(true);
      });
      await withTenant(1, () => checkRoros(client));
      for (const tenant of [id("Holtålen kommune"), id("Midtre Gauldal kommune")]) {
        const unmarked = await withTenant(tenant, () => client.plan.count({ where: { NOT: { summary: { contains: "oppdiktet" } } } }));
        expect(unmarked).toBe(0);
      }
    } finally {
      await client.$disconnect();
      await target.close();
    }
  });
});

// Røros' planstrategi 2020–2023 and its plans, as the example data has always had them.
async function checkRoros(client: ReturnType<typeof createPrismaClient>) {
  expect(await client.plan.count()).toBe(demoPlans.length);
  expect(await client.user.count()).toBe(3);
  const period = await client.strategyPeriod.findFirstOrThrow({
    where: { name: DEMO_PERIOD_NAME },
    include: { decisions: { include: { plan: true } } },
  });
  expect(period.adoptedOn?.toISOString().slice(0, 10)).toBe("2020-12-10");
  expect(period.adoptedBy).toBe("kommunestyret");
  // The planprogram lists every plan of the example data with its decision.
  expect(period.decisions.map((d) => [d.plan.title, d.decision, d.targetYear]).sort()).toEqual([
    ["Folkehelseplan", "continue", null],
    ["Handlingsplan for selvmordsforebygging", "revise", 2022],
    ["Handlingsplan mot vold i nære relasjoner", "revise", 2022],
    ["Helse- og omsorgsstrategi", "new", 2022],
    ["Klima- og miljøplan", "revise", 2022],
    ["Kommuneplanens arealdel", "revise", 2023],
    ["Mangfolds- og inkluderingsstrategi", "new", 2022],
    ["Oppvekst- og utdanningsstrategi", "new", 2021],
    ["Trafikksikkerhetsplan", "revise", 2023],
    ["Transportstrategi", "new", 2023],
  ]);
  const relations = await client.planRelation.findMany({ select: { kind: true, fromPlan: { select: { title: true } }, toPlan: { select: { title: true } } } });
  expect(relations.map((r) => `${r.fromPlan.title} ${r.kind} ${r.toPlan.title}`).sort()).toEqual([
    "Folkehelseplan includes Handlingsplan for selvmordsforebygging",
    "Helse- og omsorgsstrategi replaces Handlingsplan for selvmordsforebygging",
    "Helse- og omsorgsstrategi replaces Handlingsplan mot vold i nære relasjoner",
    "Transportstrategi supports Folkehelseplan",
    "Transportstrategi supports Klima- og miljøplan",
    "Transportstrategi supports Kommuneplanens arealdel",
    "Transportstrategi supports Trafikksikkerhetsplan",
  ]);
  const withoutTargets = await client.plan.count({ where: { targets: { none: {} } } });
  expect(withoutTargets).toBe(0);
  // The data says which parts are invented.
  const unmarked = await client.plan.count({ where: { NOT: { summary: { contains: "oppdiktet" } } } });
  expect(unmarked).toBe(0);
  expect(period.note).toContain("oppdiktet");

  for (const demo of demoUsers) {
    const user = await client.user.findFirstOrThrow({ where: { email: demo.email } });
    expect(user.role).toBe(demo.role);
    expect(await verifyPassword(user.passwordHash!, demo.password)).toBe(true);
    expect(await verifyPassword(user.passwordHash!, "wrong password")).toBe(false);
  }
}
