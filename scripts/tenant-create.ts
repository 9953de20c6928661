// npm run tenant:create -- --kommunenummer 5026 --name "Holtålen kommune" --county-number 50
//   --county-name Trøndelag --host planer.holtalen.kommune.no --admin it@holtalen.kommune.no
// With --kind county (a county governor's office) or --kind platform (the operators), no
// kommunenummer. Runs as the owner (DATABASE_URL, or the embedded database) in one transaction and
// prints the first user's one-time set-password link, on the tenant's own host (decision 055).
import { runCli } from "./cli";
import { openTarget } from "./db/target";
import { deployMigrations } from "./db/migrations";
import { createTenantAsOwner, parseTenantArgs } from "./tenants/create";
import { passwordLinkHours } from "../lib/auth/password-tokens";

runCli(async () => {
  const input = parseTenantArgs(process.argv.slice(2));
  const target = await openTarget();
  try {
    await deployMigrations(target.config, target.shadow);
    const { tenantId, link } = await createTenantAsOwner(target.config, input);
    console.log(`Created ${input.kind} ${input.name} (tenant ${tenantId}) on ${input.hosts.join(", ")}.`);
    console.log(`First user ${input.adminEmail}: set a password within ${passwordLinkHours()} hours at`);
    console.log(`  ${link}`);
  } finally {
    await target.close();
  }
});
