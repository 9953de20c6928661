// Prisma CLI configuration (prisma generate / validate / format). Migrations do not go through
// the CLI: see scripts/db/ and docs/decisions/003-offline-migrations.md.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
