// What `prisma migrate deploy` and `prisma migrate dev --name` do, offline, through the WASM engine.
import { openEngine, type EngineSession, type ProjectPaths } from "./schema-engine";
import type { ShadowStrategy } from "./migration-adapter";
import type { PgConfig } from "./connection";

/** A failure that is fully explained by its message (printed without a stack trace). */
export class MigrationError extends Error {}

// The database's own words from an engine error ("ERROR: division by zero"), without colours.
function databaseReason(error: unknown): string {
  const text = (error instanceof Error ? error.message : String(error)).replace(/\u001b\[[0-9;]*m/g, "");
  const line = text.split("\n").find((l) => /ERROR:|error:/.test(l));
  return line ? `(${line.replace(/^.*?(ERROR:|error:)\s*/, "")})` : "";
}

async function withEngine<T>(
  config: PgConfig,
  shadow: ShadowStrategy,
  fn: (s: EngineSession) => Promise<T>,
  paths?: ProjectPaths,
): Promise<T> {
  const session = await openEngine(config, shadow, paths);
  try {
    return await fn(session);
  } finally {
    await session.close();
  }
}

async function failedMigrations(session: EngineSession): Promise<string[]> {
  const diagnosis = await session.migrate.diagnoseMigrationHistory({ optInToShadowDatabase: false });
  return diagnosis.failedMigrationNames;
}

/**
 * Applies pending migrations, recording them in _prisma_migrations exactly as
 * `prisma migrate deploy` does. Each migration is sent as one script, which PostgreSQL runs as
 * one implicit transaction, so a failed one leaves nothing behind; it is then marked rolled back
 * (as `prisma migrate resolve --rolled-back` would) so the next run retries it.
 */
export async function deployMigrations(config: PgConfig, shadow: ShadowStrategy, paths?: ProjectPaths): Promise<string[]> {
  return withEngine(config, shadow, async (session) => {
    try {
      const { appliedMigrationNames } = await session.migrate.applyMigrations();
      return appliedMigrationNames;
    } catch (error) {
      const failed = await failedMigrations(session).catch(() => [] as string[]);
      if (failed.length === 0) throw error;
      for (const migrationId of failed) await session.migrate.markMigrationRolledBack({ migrationId });
      throw new MigrationError(
        `Migration ${failed.join(", ")} failed and was rolled back; the database is as it was before it. Fix the migration's SQL and run npm run db:migrate again. ${databaseReason(error)}`.trim(),
      );
    }
  }, paths);
}

/** Steps needed to bring the migrations to schema.prisma; 0 means they agree. */
export async function pendingSchemaSteps(config: PgConfig, shadow: ShadowStrategy): Promise<number> {
  return withEngine(config, shadow, async ({ migrate }) => {
    // The engine only evaluates after the diagnostics `prisma migrate dev` runs first.
    await migrate.devDiagnostic();
    await migrate.diagnoseMigrationHistory({ optInToShadowDatabase: true });
    const { migrationSteps } = await migrate.evaluateDataLoss();
    return migrationSteps;
  });
}

/**
 * Creates prisma/migrations/<timestamp>_<name>/migration.sql from the difference between the
 * migrations and schema.prisma, then applies it — in the order `prisma migrate dev` uses.
 */
export async function createMigration(
  config: PgConfig,
  shadow: ShadowStrategy,
  name: string,
  options: { draft?: boolean } = {},
): Promise<{ created: string | undefined; warnings: string[] }> {
  return withEngine(config, shadow, async ({ migrate }) => {
    const diagnostic = await migrate.devDiagnostic();
    if (diagnostic.action.tag === "reset") {
      throw new MigrationError(
        `The database does not match the migrations (${diagnostic.action.reason.trim()}). Reset the development database (delete .data/ for the embedded one) and run this again.`,
      );
    }
    await migrate.applyMigrations();
    await migrate.diagnoseMigrationHistory({ optInToShadowDatabase: true });
    const loss = await migrate.evaluateDataLoss();
    if (loss.unexecutableSteps.length > 0) {
      throw new MigrationError(
        `The change cannot be applied as it is:\n${loss.unexecutableSteps.map((s) => `- ${s.message}`).join("\n")}`,
      );
    }
    if (loss.migrationSteps === 0) return { created: undefined, warnings: [] };
    const { generatedMigrationName } = await migrate.createMigration({
      migrationName: name,
      draft: options.draft ?? false,
      schema: migrate.getPrismaSchema(),
    });
    if (!options.draft) await migrate.applyMigrations();
    return { created: generatedMigrationName, warnings: loss.warnings.map((w) => w.message) };
  });
}
