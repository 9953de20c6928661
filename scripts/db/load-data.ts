// Reference data on every start; example data when asked (and only once per database).
import { createPrismaClient } from "../../lib/prisma-client";
import { seedSdg } from "../../prisma/seed/sdg";
import { seedDemo } from "../../prisma/seed/demo";

/** Loads reference data and optionally the demo data; returns a one-line report. */
export async function loadData(url: string, options: { demo: boolean }): Promise<string> {
  const db = createPrismaClient(url, { max: 2 });
  try {
    const sdg = await seedSdg(db);
    let report = `Reference data: ${sdg.goals} SDG goals, ${sdg.targets} targets.`;
    if (options.demo) {
      report += (await seedDemo(db)) ? " Example data loaded." : " Example data was already loaded.";
    }
    return report;
  } finally {
    await db.$disconnect();
  }
}
