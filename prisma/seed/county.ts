// Example data for the county view (decision 054): Røros (5025) gets its real number and county,
// two more Trøndelag municipalities get a few example plans and their planning strategy for the
// election period 2024–2027 (the council constituted in October 2023) — Holtålen's adopted on
// time by pbl. § 10-1, Midtre Gauldal's late, Røros' missing — and the county governor's office,
// Statsforvalteren i Trøndelag, gets a demo account with the role statsforvalter. Every record
// says it is invented. Host names on this machine: localhost and 127.0.0.1 stay Røros; the others
// answer on *.localhost names, which browsers resolve to loopback.
import pg from "pg";
import type { PlanStatus, PlanType } from "../../lib/generated/prisma/enums";
import { hashPassword } from "../../lib/auth/password";
import type { PgConfig } from "../../scripts/db/connection";

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

// Everything below runs on the owner's one connection, in one transaction: the embedded database
// serves one connection at a time, and the example is then all there or not at all. Each
// tenant's rows are written under that tenant (set_config), so row-level security holds an owner
// that is not a superuser, and the column defaults name the tenant; reads and updates also name
// it, as a superuser owner is not held by row-level security.
const asTenant = (owner: pg.ClientBase, id: number) => owner.query(`SELECT set_config('app.tenant_id', $1, true)`, [String(id)]);

async function addHosts(owner: pg.ClientBase, tenantId: number, hosts: readonly string[]) {
  await owner.query(`INSERT INTO tenant_hosts (host, tenant_id) SELECT unnest($1::text[]), $2 ON CONFLICT (host) DO NOTHING`, [hosts, tenantId]);
}

async function addTenant(owner: pg.ClientBase, kind: "municipality" | "county", kommunenummer: string | null, name: string, hosts: readonly string[]): Promise<number> {
  const { rows } = await owner.query<{ id: number }>(
    `INSERT INTO tenants (kind, kommunenummer, name, county_number, county_name) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [kind, kommunenummer, name, COUNTY.number, COUNTY.name],
  );
  await addHosts(owner, rows[0]!.id, hosts);
  return rows[0]!.id;
}

// One municipality's register, in its own tenant.
async function loadRegister(owner: pg.ClientBase, m: ExampleMunicipality) {
  const id = await addTenant(owner, "municipality", m.kommunenummer, m.name, m.hosts);
  await asTenant(owner, id);
  // The owner may be a superuser, whom row-level security does not hold: name the tenant.
  await owner.query(`UPDATE app_settings SET municipality_name = $1, innsyn_enabled = true WHERE tenant_id = $2`, [m.name, id]);
  const s = m.strategy;
  await owner.query(
    `INSERT INTO strategy_periods (name, start_year, end_year, council_constituted_on, draft_published_on, adopted_on, adopted_by, case_number, note, updated_at)
     VALUES ($1, 2024, 2027, $2, $3, $4, 'kommunestyret', $5, $6, now())`,
    [s.name, s.councilConstitutedOn, s.draftPublishedOn, s.adoptedOn, s.caseNumber, INVENTED],
  );
  for (const p of m.plans) {
    await owner.query(
      `INSERT INTO plans (title, type, status, adopted_on, adopted_by, revision_due_on, responsible_unit, summary, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())`,
      [p.title, p.type, p.status, p.adoptedOn ?? null, p.adoptedOn ? "kommunestyret" : null, p.revisionDueOn ?? null, p.responsibleUnit, INVENTED],
    );
  }
  await owner.query(`INSERT INTO audit_events (type, entity_type, entity_id, after) VALUES ($1, 'tenant', $2, $3)`, [COUNTY_EXAMPLE_MARKER, m.kommunenummer, { plans: m.plans.length }]);
}

/**
 * Adds the county example beside the Røros example data in tenant `home` — only when `home` holds
 * that example (its marker event) and still has the number a fresh database gives it ("0000") or
 * Røros' own: a real municipality's database is never given example neighbours. Once (the
 * office's presence says it is there), serialised across instances starting at once. Returns
 * whether it loaded.
 */
export async function seedCountyExample(config: PgConfig, home: number, demoMarker: string): Promise<boolean> {
  const passwordHash = await hashPassword(countyDemoUser.password);
  const owner = new pg.Client(config);
  await owner.connect();
  try {
    await owner.query("BEGIN");
    await owner.query(`SELECT pg_advisory_xact_lock(hashtext('planregister.county-example'))`);
    const { rows: homeRows } = await owner.query<{ kommunenummer: string }>(`SELECT kommunenummer FROM tenants WHERE id = $1 AND kind = 'municipality'`, [home]);
    await asTenant(owner, home);
    const isExample = ["0000", ROROS.kommunenummer].includes(homeRows[0]?.kommunenummer ?? "") && (await owner.query(`SELECT 1 FROM audit_events WHERE tenant_id = $1 AND type = $2`, [home, demoMarker])).rowCount;
    const present = (await owner.query(`SELECT 1 FROM tenants WHERE kind = 'county' AND county_number = $1`, [COUNTY.number])).rowCount;
    if (!isExample || present) {
      await owner.query("ROLLBACK");
      return false;
    }
    await owner.query(`UPDATE tenants SET kommunenummer = $2, name = $3, county_number = $4, county_name = $5 WHERE id = $1 AND kommunenummer = '0000'`, [home, ROROS.kommunenummer, ROROS.name, COUNTY.number, COUNTY.name]);
    await addHosts(owner, home, ROROS.hosts);
    for (const m of exampleMunicipalities) await loadRegister(owner, m);
    const office = await addTenant(owner, "county", null, COUNTY_OFFICE.name, COUNTY_OFFICE.hosts);
    await asTenant(owner, office);
    await owner.query(`INSERT INTO users (email, name, role, password_hash, updated_at) VALUES ($1, $2, $3, $4, now())`, [countyDemoUser.email, countyDemoUser.name, countyDemoUser.role, passwordHash]);
    await owner.query("COMMIT");
    return true;
  } catch (error) {
    await owner.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await owner.end();
  }
}
