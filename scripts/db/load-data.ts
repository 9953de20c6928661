// Reference data on every start; example data when asked (and only once per database).
import pg from "pg";
import { createPrismaClient } from "../../lib/prisma-client";
import { withTenant } from "../../lib/tenant-context";
import { seedSdg } from "../../prisma/seed/sdg";
import { seedDemo } from "../../prisma/seed/demo";

/**
 * The tenant to run in when the database has several: the app's client sets a tenant in every
 * transaction (decision 045), and with several none is picked for it. Reference data is global;
 * example data goes to the first tenant. Null with one tenant (the database picks it).
 */
async function tenantToLoadIn(url: string): Promise<number | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ first: number; n: number }>("SELECT min(id) AS first, count(*)::int AS n FROM tenants");
    return rows[0] && rows[0].n > 1 ? rows[0].first : null;
  } finally {
    await client.end();
  }
}

/** Loads reference data and optionally the demo data; returns a one-line report. */
export async function loadData(url: string, options: { demo: boolean }): Promise<string> {
  const tenant = await tenantToLoadIn(url);
  const db = createPrismaClient(url, { max: 2 });
  const load = async () => {
    const sdg = await seedSdg(db);
    let report = `Reference data: ${sdg.goals} SDG goals, ${sdg.targets} targets.`;
    if (options.demo) {
      report += (await seedDemo(db)) ? " Example data loaded." : " Example data was already loaded.";
    }
    return report;
  };
  try {
    return tenant === null ? await load() : await withTenant(tenant, load);
  } finally {
    await db.$disconnect();
  }
}
