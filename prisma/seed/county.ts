// Example data for the county view (decision 054): Røros (5025) gets its real number and county,
// two more Trøndelag municipalities get a few example plans and their planning strategy for the
// election period 2024–2027 (the council constituted in October 2023) — Holtålen's adopted on
// time by pbl. § 10-1, Midtre Gauldal's late, Røros' missing — and the county governor's office,
// Statsforvalteren i Trøndelag, gets a demo account with the role statsforvalter. Every record
// says it is invented. Host names on this machine: localhost and 127.0.0.1 stay Røros; the others
// answer on *.localhost names, which browsers resolve to loopback.
import type pg from "pg";
import type { PrismaClient } from "../../lib/prisma-client";
import type { PlanStatus, PlanType } from "../../lib/generated/prisma/enums";
import { hashPassword } from "../../lib/auth/password";
import { withTenant } from "../../lib/tenant-context";

export const COUNTY_EXAMPLE_MARKER = "demo.county.loaded";
const INVENTED = "Eksempeldata: planen, datoene og tallene er oppdiktet for demoen.";

export const COUNTY = { number: "50", name: "Trøndelag" } as const;
/** Røros: the example register `npm start` has always loaded, on localhost. */
export const ROROS = { kommunenummer: "5025", name: "Røros kommune", hosts: ["localhost", "127.0.0.1", "roros.localhost"] } as const;
export const COUNTY_OFFICE = { name: "Statsforvalteren i Trøndelag", hosts: ["statsforvalter.localhost"] } as const;

/** The county view's demo account (demo only: its password is public). */
export const countyDemoUser = { email: "statsforvalter@demo.planregister.no", name: "Demo Statsforvalter", role: "statsforvalter", password: "demo-statsforvalter-passord" } as const;

type ExamplePlan = { title: string; type: PlanType; status: PlanStatus; adoptedOn?: string; revisionDueOn?: string; responsibleUnit: string };
type ExampleStrategy = { name: string; councilConstitutedOn: string; draftPublishedOn: string; adoptedOn: string; caseNumber: string };
type ExampleMunicipality = { kommunenummer: string; name: string; hosts: string[]; strategy: ExampleStrategy; plans: ExamplePlan[] };

export const exampleMunicipalities: ExampleMunicipality[] = [
  {
    kommunenummer: "5026",
    name: "Holtålen kommune",
    hosts: ["holtalen.localhost"],
    // On time: adopted eight months after the council was constituted, the draft public 49 days before.
    strategy: { name: "Planstrategi 2024–2027", councilConstitutedOn: "2023-10-19", draftPublishedOn: "2024-05-02", adoptedOn: "2024-06-20", caseNumber: "24/00311" },
    plans: [
      { title: "Kommuneplanens samfunnsdel", type: "kommuneplan_samfunnsdel", status: "vedtatt", adoptedOn: "2017-06-22", revisionDueOn: "2025-06-30", responsibleUnit: "Plan og næring" },
      { title: "Kommuneplanens arealdel", type: "kommuneplan_arealdel", status: "under_revisjon", adoptedOn: "2016-12-15", revisionDueOn: "2027-12-31", responsibleUnit: "Plan og næring" },
      { title: "Plan for idrett og fysisk aktivitet", type: "temaplan", status: "vedtatt", adoptedOn: "2022-03-24", revisionDueOn: "2026-03-31", responsibleUnit: "Kultur" },
      { title: "Boligpolitisk plan", type: "temaplan", status: "vedtatt", adoptedOn: "2023-02-16", revisionDueOn: "2031-12-31", responsibleUnit: "Plan og næring" },
      { title: "Beredskapsplan", type: "handlingsplan", status: "vedtatt", adoptedOn: "2024-09-26", revisionDueOn: "2027-09-30", responsibleUnit: "Rådmannens stab" },
    ],
  },
  {
    kommunenummer: "5027",
    name: "Midtre Gauldal kommune",
    hosts: ["midtre-gauldal.localhost"],
    // Late: adopted two months after the deadline; the draft was public 42 days before the meeting.
    strategy: { name: "Planstrategi 2024–2027", councilConstitutedOn: "2023-10-12", draftPublishedOn: "2024-10-31", adoptedOn: "2024-12-12", caseNumber: "24/01877" },
    plans: [
      { title: "Kommuneplanens samfunnsdel", type: "kommuneplan_samfunnsdel", status: "vedtatt", adoptedOn: "2019-09-19", revisionDueOn: "2027-06-30", responsibleUnit: "Samfunnsutvikling" },
      { title: "Kommuneplanens arealdel", type: "kommuneplan_arealdel", status: "vedtatt", adoptedOn: "2015-05-21", revisionDueOn: "2024-12-31", responsibleUnit: "Samfunnsutvikling" },
      { title: "Klima- og energiplan", type: "kommunedelplan", status: "vedtatt", adoptedOn: "2014-11-20", revisionDueOn: "2022-12-31", responsibleUnit: "Samfunnsutvikling" },
      { title: "Ruspolitisk handlingsplan", type: "handlingsplan", status: "vedtatt", adoptedOn: "2020-06-18", revisionDueOn: "2024-06-30", responsibleUnit: "Helse og velferd" },
      { title: "Kulturplan", type: "temaplan", status: "under_utarbeidelse", responsibleUnit: "Kultur og fritid" },
      { title: "Trafikksikkerhetsplan", type: "temaplan", status: "vedtatt", adoptedOn: "2021-10-28", revisionDueOn: "2025-10-31", responsibleUnit: "Teknisk drift" },
    ],
  },
];

const date = (iso?: string) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

async function addHosts(owner: pg.ClientBase, tenantId: number, hosts: readonly string[]) {
  for (const host of hosts) await owner.query(`INSERT INTO tenant_hosts (host, tenant_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [host, tenantId]);
}

async function ensureMunicipality(owner: pg.ClientBase, m: ExampleMunicipality): Promise<number> {
  await owner.query(
    `INSERT INTO tenants (kind, kommunenummer, name, county_number, county_name) VALUES ('municipality', $1, $2, $3, $4) ON CONFLICT (kommunenummer) DO NOTHING`,
    [m.kommunenummer, m.name, COUNTY.number, COUNTY.name],
  );
  const { rows } = await owner.query<{ id: number }>(`SELECT id FROM tenants WHERE kommunenummer = $1`, [m.kommunenummer]);
  await addHosts(owner, rows[0]!.id, m.hosts);
  return rows[0]!.id;
}

// One municipality's register, in its own tenant, once (its marker event says it is there).
async function loadRegister(db: PrismaClient, m: ExampleMunicipality) {
  await db.$transaction(async (tx) => {
    if (await tx.auditEvent.findFirst({ where: { type: COUNTY_EXAMPLE_MARKER }, select: { id: true } })) return;
    await tx.appSettings.updateMany({ data: { municipalityName: m.name, innsynEnabled: true } });
    const s = m.strategy;
    await tx.strategyPeriod.create({
      data: {
        name: s.name, startYear: 2024, endYear: 2027, councilConstitutedOn: date(s.councilConstitutedOn), draftPublishedOn: date(s.draftPublishedOn),
        adoptedOn: date(s.adoptedOn), adoptedBy: "kommunestyret", caseNumber: s.caseNumber, note: INVENTED,
      },
    });
    for (const p of m.plans) {
      await tx.plan.create({
        data: {
          title: p.title, type: p.type, status: p.status, adoptedOn: date(p.adoptedOn), adoptedBy: p.adoptedOn ? "kommunestyret" : null,
          revisionDueOn: date(p.revisionDueOn), responsibleUnit: p.responsibleUnit, summary: INVENTED,
        },
      });
    }
    await tx.auditEvent.create({ data: { type: COUNTY_EXAMPLE_MARKER, entityType: "tenant", entityId: m.kommunenummer, after: { plans: m.plans.length } } });
  }, { timeout: 60_000 });
}

/**
 * Adds the county example beside the Røros example data in tenant `home` — only when `home` holds
 * that example (its marker event) and still has the number a fresh database gives it ("0000") or
 * Røros' own: a real municipality's database is never given example neighbours. Idempotent, and
 * serialised across instances starting at once. Returns whether anything was missing and added.
 */
export async function seedCountyExample(owner: pg.ClientBase, db: PrismaClient, home: number, demoMarker: string): Promise<boolean> {
  const { rows: homeRows } = await owner.query<{ kommunenummer: string }>(`SELECT kommunenummer FROM tenants WHERE id = $1 AND kind = 'municipality'`, [home]);
  if (!["0000", ROROS.kommunenummer].includes(homeRows[0]?.kommunenummer ?? "")) return false;
  if (!(await withTenant(home, () => db.auditEvent.findFirst({ where: { type: demoMarker }, select: { id: true } })))) return false;
  const { rows: office } = await owner.query(`SELECT 1 FROM tenants WHERE kind = 'county' AND county_number = $1`, [COUNTY.number]);
  if (office.length > 0) return false;

  const hash = await hashPassword(countyDemoUser.password);
  await owner.query(`SELECT pg_advisory_lock(hashtext('planregister.county-example'))`);
  try {
    await owner.query(`UPDATE tenants SET kommunenummer = $2, name = $3, county_number = $4, county_name = $5 WHERE id = $1 AND kommunenummer = '0000'`, [home, ROROS.kommunenummer, ROROS.name, COUNTY.number, COUNTY.name]);
    await addHosts(owner, home, ROROS.hosts);
    for (const m of exampleMunicipalities) {
      const id = await ensureMunicipality(owner, m);
      await withTenant(id, () => loadRegister(db, m));
    }
    // The office last: its presence says the example is complete.
    const { rows } = await owner.query<{ id: number }>(
      `INSERT INTO tenants (kind, kommunenummer, name, county_number, county_name) VALUES ('county', NULL, $1, $2, $3)
       ON CONFLICT (county_number) WHERE kind = 'county' DO UPDATE SET name = EXCLUDED.name RETURNING id`,
      [COUNTY_OFFICE.name, COUNTY.number, COUNTY.name],
    );
    const officeId = rows[0]!.id;
    await addHosts(owner, officeId, COUNTY_OFFICE.hosts);
    await withTenant(officeId, async () => {
      if (await db.user.findFirst({ where: { email: countyDemoUser.email }, select: { id: true } })) return;
      await db.user.create({ data: { email: countyDemoUser.email, name: countyDemoUser.name, role: countyDemoUser.role, passwordHash: hash } });
    });
    return true;
  } finally {
    await owner.query(`SELECT pg_advisory_unlock(hashtext('planregister.county-example'))`);
  }
}
