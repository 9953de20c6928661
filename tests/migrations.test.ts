import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { pgConfigFromUrl } from "../scripts/db/connection";
import { createFreshDatabase } from "../scripts/db/fresh";
import { deployMigrations, MigrationError, pendingSchemaSteps } from "../scripts/db/migrations";
import { migrationsDir, schemaPath } from "../scripts/db/schema-engine";

const migrationFolders = () =>
  fs.readdirSync(migrationsDir).filter((name) => fs.statSync(path.join(migrationsDir, name)).isDirectory()).sort();

async function query<T extends pg.QueryResultRow>(config: pg.ClientConfig, sql: string): Promise<T[]> {
  const client = new pg.Client(config);
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("migrations", () => {
  it("schema.prisma and prisma/migrations agree", async () => {
    const config = pgConfigFromUrl(inject("databaseUrl"));
    const steps = await pendingSchemaSteps(config, inject("embedded") ? "embedded" : "create-database");
    expect(
      steps,
      "schema.prisma has changes that no migration contains: run `npm run db:migrate:new -- <name>` and commit the new folder in prisma/migrations",
    ).toBe(0);
  });

  it("db:migrate on an empty database creates every table and records each migration as prisma migrate deploy does", async () => {
    const target = await createFreshDatabase("planregister_test_deploy");
    try {
      const applied = await deployMigrations(target.config, target.shadow);
      expect(applied).toEqual(migrationFolders());

      const rows = await query<{ migration_name: string; checksum: string; finished: boolean; rolled_back_at: Date | null; logs: string | null; applied_steps_count: number }>(
        target.config,
        `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, rolled_back_at, logs, applied_steps_count FROM _prisma_migrations ORDER BY migration_name`,
      );
      expect(rows).toEqual(
        migrationFolders().map((name) => ({
          migration_name: name,
          checksum: createHash("sha256").update(fs.readFileSync(path.join(migrationsDir, name, "migration.sql"))).digest("hex"),
          finished: true,
          rolled_back_at: null,
          logs: null,
          applied_steps_count: 1,
        })),
      );

      const expectedTables = [...fs.readFileSync(schemaPath, "utf8").matchAll(/@@map\("([a-z_]+)"\)/g)].map((m) => m[1]);
      const tables = await query<{ table_name: string }>(target.config, `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`);
      expect(tables.map((t) => t.table_name).sort()).toEqual([...expectedTables, "_prisma_migrations"].sort());

      expect(await deployMigrations(target.config, target.shadow)).toEqual([]);
    } finally {
      await target.close();
    }
  });

  it("a failing migration is rolled back whole, reported in one sentence, and can be retried once fixed", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "planregister-migrations-"));
    fs.cpSync(migrationsDir, dir, { recursive: true });
    const broken = path.join(dir, "29991231000000_broken");
    fs.mkdirSync(broken);
    fs.writeFileSync(path.join(broken, "migration.sql"), `CREATE TABLE "broken_probe" ("id" INTEGER);\nSELECT 1 / 0;\n`);
    const target = await createFreshDatabase("planregister_test_broken");
    const paths = { schemaPath, migrationsDir: dir };
    try {
      const failure = await deployMigrations(target.config, target.shadow, paths).catch((e: unknown) => e);
      expect(failure, String(failure)).toBeInstanceOf(MigrationError);
      expect((failure as Error).message).toMatch(/^Migration 29991231000000_broken failed and was rolled back; the database is as it was before it\. Fix the migration.s SQL and run npm run db:migrate again\. \(division by zero\)$/);
      const probe = await query(target.config, `SELECT 1 FROM information_schema.tables WHERE table_name = 'broken_probe'`);
      expect(probe).toHaveLength(0);

      fs.writeFileSync(path.join(broken, "migration.sql"), `CREATE TABLE "broken_probe" ("id" INTEGER);\n`);
      expect(await deployMigrations(target.config, target.shadow, paths)).toEqual(["29991231000000_broken"]);
    } finally {
      await target.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
