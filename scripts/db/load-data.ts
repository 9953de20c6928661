// Reference data on every start; example data when asked (and only once per database).
import { createPrismaClient } from "../../lib/prisma-client";
import { seedSdg } from "../../prisma/seed/sdg";
import { DEMO_MARKER, seedDemo } from "../../prisma/seed/demo";
import { seedPlatform } from "../../prisma/seed/platform";
import { seedCountyExample } from "../../prisma/seed/county";
import { pgConfigFromUrl, withClient } from "./connection";

/** Loads reference data and optionally the demo data; returns a one-line report. */
export async function loadData(url: string, options: { demo: boolean }): Promise<string> {
  const config = pgConfigFromUrl(url);
  // Every transaction names a tenant, and with several there is no default: reference data is
  // no tenant's, the example data the first tenant's (the one the migrations made: Røros).
  const first = await withClient(config, async (c) => (await c.query<{ id: number }>("SELECT min(id)::int AS id FROM tenants")).rows[0]!.id);
  const db = createPrismaClient(url, { max: 2, tenant: first });
  let report: string;
  try {
    const sdg = await seedSdg(db);
    report = `Reference data: ${sdg.goals} SDG goals, ${sdg.targets} targets.`;
    if (options.demo) report += (await seedDemo(db)) ? " Example data loaded." : " Example data was already loaded.";
  } finally {
    await db.$disconnect();
  }
  // As the owner, after the app role's connections are closed (the embedded database serves one at a time).
  if (options.demo && (await seedPlatform(config, first))) report += " Platform tenant added.";
  if (options.demo && (await seedCountyExample(config, first, DEMO_MARKER))) report += " County example (Trøndelag) loaded.";
  return report;
}
