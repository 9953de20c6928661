// Reference data on every start; example data when asked (and only once per database).
import { createPrismaClient } from "../../lib/prisma-client";
import { withTenant } from "../../lib/tenant-context";
import { seedSdg } from "../../prisma/seed/sdg";
import { DEMO_MARKER, seedDemo } from "../../prisma/seed/demo";
import { seedCountyExample } from "../../prisma/seed/county";
import { pgConfigFromUrl, withClient } from "./connection";

// The tenant the example data is (or would be) in: the one on localhost, else the first
// municipality. Named explicitly, as a database with several tenants has no default one.
const HOME_SQL = `SELECT COALESCE((SELECT tenant_id FROM tenant_hosts WHERE host = 'localhost'), (SELECT min(id) FROM tenants WHERE kind = 'municipality')) AS id`;

/** Loads reference data and optionally the demo data; returns a one-line report. */
export async function loadData(url: string, options: { demo: boolean }): Promise<string> {
  const db = createPrismaClient(url, { max: 2 });
  try {
    return await withClient(pgConfigFromUrl(url), async (owner) => {
      const home = (await owner.query<{ id: number | null }>(HOME_SQL)).rows[0]?.id ?? null;
      const load = async () => {
        const sdg = await seedSdg(db);
        let report = `Reference data: ${sdg.goals} SDG goals, ${sdg.targets} targets.`;
        if (options.demo) {
          report += (await seedDemo(db)) ? " Example data loaded." : " Example data was already loaded.";
          if (home !== null && (await seedCountyExample(owner, db, home, DEMO_MARKER))) report += " County example (Trøndelag) loaded.";
        }
        return report;
      };
      return home === null ? await load() : await withTenant(home, load);
    });
  } finally {
    await db.$disconnect();
  }
}
