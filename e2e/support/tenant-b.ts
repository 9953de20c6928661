// A second municipality in the e2e database, for the cross-tenant matrix (issue 19): made by
// e2e/server.ts before the servers start. Røros (tenant 1) answers on localhost and 127.0.0.1,
// municipality B only on b.localhost, so nothing a test does on localhost reaches B. B has its
// own users of every role, plans, a strategy period, an import, an API token and a calendar feed,
// each named with MARKER so a page or file that shows any of it is caught.
import { createHash } from "node:crypto";
import pg from "pg";
import { createPrismaClient, type PrismaClient } from "../../lib/prisma-client";
import { hashPassword } from "../../lib/auth/password";

export const TENANT_B = {
  host: "b.localhost",
  kommunenummer: "9901",
  name: "Nabokommune B",
  /** In every title, name and file of B's, never in anything of Røros's. */
  marker: "NABOKOMMUNE-B",
  apiToken: `prt_${"b".repeat(43)}`,
  calendarToken: "B".repeat(43),
  password: "Nabo-Kommune-Fjellbjørk-91",
} as const;

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** The id of tenant B (null before it is made). */
export async function tenantBId(owner: pg.ClientBase): Promise<number | null> {
  const { rows } = await owner.query<{ id: number }>(`SELECT id FROM tenants WHERE kommunenummer = $1`, [TENANT_B.kommunenummer]);
  return rows[0]?.id ?? null;
}

/** A Prisma client bound to tenant B (as the app role). */
export const tenantBDb = (databaseUrl: string, tenantId: number): PrismaClient => createPrismaClient(databaseUrl, { max: 2, tenant: tenantId });

/** Makes tenant B with its data, and names Røros's local hosts (idempotent for the hosts). */
export async function seedTenantB(databaseUrl: string): Promise<void> {
  const owner = new pg.Client({ connectionString: databaseUrl });
  await owner.connect();
  try {
    // planer.kommune.example: the public-looking name e2e/hardening.spec.ts asks for.
    await owner.query(`INSERT INTO tenant_hosts (host, tenant_id) VALUES ('localhost', 1), ('127.0.0.1', 1), ('planer.kommune.example', 1) ON CONFLICT (host) DO NOTHING`);
    if (await tenantBId(owner)) return;
    // A county of its own, so no county view counts B among real municipalities.
    const { rows } = await owner.query<{ id: number }>(
      `INSERT INTO tenants (kommunenummer, name, county_number, county_name) VALUES ($1, $2, '99', 'Testfylke') RETURNING id`, [TENANT_B.kommunenummer, TENANT_B.name]);
    const b = rows[0]!.id;
    await owner.query(`INSERT INTO tenant_hosts (host, tenant_id, is_primary) VALUES ($1, $2, true)`, [TENANT_B.host, b]);
    const db = tenantBDb(databaseUrl, b);
    try {
      const passwordHash = await hashPassword(TENANT_B.password);
      await db.appSettings.updateMany({ data: { municipalityName: `${TENANT_B.name} ${TENANT_B.marker}`, innsynEnabled: true } });
      const users = [];
      for (const role of ["viewer", "editor", "admin"] as const) {
        users.push(await db.user.create({ data: { email: `${role}@b.e2e.planregister.no`, name: `${role} ${TENANT_B.marker}`, role, passwordHash } }));
      }
      const editor = users[1]!;
      for (let i = 1; i <= 3; i++) {
        await db.plan.create({ data: { title: `${TENANT_B.marker} plan ${i}`, type: "temaplan", status: "vedtatt", adoptedOn: new Date("2024-01-10T00:00:00Z"), adoptedBy: "kommunestyret", ownerId: editor.id, responsibleUnit: `${TENANT_B.marker} enhet`, revisionDueOn: new Date(`${2026 + i}-06-01T00:00:00Z`), summary: `${TENANT_B.marker} sammendrag` } });
      }
      await db.strategyPeriod.create({ data: { name: `${TENANT_B.marker} planstrategi`, startYear: 2024, endYear: 2027 } });
      await db.apiToken.create({ data: { userId: editor.id, name: `${TENANT_B.marker} token`, tokenHash: sha256(TENANT_B.apiToken) } });
      await db.calendarFeed.create({ data: { userId: editor.id, tokenHash: sha256(TENANT_B.calendarToken) } });
      await db.importUpload.create({ data: { id: "0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b", userId: editor.id, fileName: `${TENANT_B.marker}.csv`, content: Buffer.from(`Tittel\n${TENANT_B.marker}\n`) } });
    } finally {
      await db.$disconnect();
    }
  } finally {
    await owner.end();
  }
}
