// npm run db:migrate            apply pending migrations (as `prisma migrate deploy`)
// npm run db:migrate:new -- x   create a migration named x from schema.prisma (as `prisma migrate dev --name x`)
import { spawnSync } from "node:child_process";
import path from "node:path";
import { runCli } from "./cli";
import { createMigration, deployMigrations } from "./db/migrations";
import { openTarget, UserFacingError } from "./db/target";

runCli(async () => {
  const [mode, ...rest] = process.argv.slice(2);
  if (mode !== "deploy" && mode !== "new") throw new UserFacingError("Usage: db-migrate deploy | new <name>");
  const name = rest.find((arg) => !arg.startsWith("--"));
  if (mode === "new" && !name) {
    throw new UserFacingError("Name the migration: npm run db:migrate:new -- <name> (e.g. add_plan_owner).");
  }
  if (name && !/^[a-z0-9_]+$/i.test(name)) throw new UserFacingError("A migration name may contain only letters, digits and _.");
  const target = await openTarget();
  try {
    if (mode === "deploy") {
      const applied = await deployMigrations(target.config, target.shadow);
      console.log(applied.length ? `Applied ${applied.length} migration(s):\n${applied.map((m) => `  ${m}`).join("\n")}` : "No pending migrations.");
    } else {
      const { created, warnings } = await createMigration(target.config, target.shadow, name!, { draft: rest.includes("--create-only") });
      for (const warning of warnings) console.warn(`⚠ ${warning}`);
      console.log(created ? `Created prisma/migrations/${created}/migration.sql` : "schema.prisma and the migrations already agree; nothing to create.");
      // As `prisma migrate dev` does: the client must match the schema it was just migrated to.
      spawnSync(process.execPath, [path.join(import.meta.dirname, "generate.mjs")], { stdio: "inherit" });
    }
  } finally {
    await target.close();
  }
});
