// tsx scripts/seed-synthetic.ts --plans 10000: adds a synthetic register (owners, units, SDG
// targets, relations, documents, a strategy period with decisions, history) to the database of
// DATABASE_URL (or the embedded one), for benchmarks. Run npm run db:seed first.
import { runCli } from "./cli";
import { urlFromPgConfig } from "./db/connection";
import { seedSynthetic } from "./db/synthetic";
import { openTarget, UserFacingError } from "./db/target";

runCli(async () => {
  const i = process.argv.indexOf("--plans");
  const plans = i === -1 ? 10_000 : Number(process.argv[i + 1]);
  if (!Number.isInteger(plans) || plans < 1) throw new UserFacingError("--plans needs a positive whole number, e.g. --plans 10000.");
  const target = await openTarget();
  try {
    const report = await seedSynthetic(urlFromPgConfig(target.config), { plans });
    console.log(`Added ${report.plans} plans (${report.targets} SDG links, ${report.relations} relations, ${report.documents} documents, ` +
      `${report.decisions} strategy decisions, ${report.auditEvents} audit events; ${report.users} owners) in ${(report.ms / 1000).toFixed(1)} s.`);
  } finally {
    await target.close();
  }
});
