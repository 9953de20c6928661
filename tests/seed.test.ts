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
  it("loads Røros' planstrategi 2020–2023 once, however often it is asked for", async () => {
    const target = await createFreshDatabase("planregister_test_seed");
    const url = urlFromPgConfig(target.config);
    // Røros, the first tenant: the example data also has the platform (decision 055).
    const client = createPrismaClient(url, { max: 2, tenant: 1 });
    try {
      await deployMigrations(target.config, target.shadow);
      expect(await loadData(url, { demo: true })).toMatch(/Example data loaded\./);
      expect(await loadData(url, { demo: true })).toMatch(/Example data was already loaded\./);

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
      // The platform on drift.localhost with its demo operator; Røros keeps localhost and 127.0.0.1.
      const hosts = await client.tenantHost.findMany({ orderBy: { host: "asc" }, select: { host: true, tenant: { select: { kind: true, name: true } } } });
      expect(hosts.map((h) => `${h.host} ${h.tenant.kind}`)).toEqual(["127.0.0.1 municipality", "drift.localhost platform", "localhost municipality", "roros.localhost municipality"]);
      const platform = createPrismaClient(url, { max: 1, tenant: (await client.tenant.findFirstOrThrow({ where: { kind: "platform" } })).id });
      const operator = await platform.user.findFirstOrThrow({ where: { email: demoOperator.email } });
      await platform.$disconnect();
      expect(operator.role).toBe("operator");
      expect(await verifyPassword(operator.passwordHash!, demoOperator.password)).toBe(true);
    } finally {
      await client.$disconnect();
      await target.close();
    }
  });
});
