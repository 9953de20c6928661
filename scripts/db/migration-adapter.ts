// A migration-aware driver adapter for Prisma's WASM schema engine, built on @prisma/adapter-pg
// with its known defects worked around (see docs/decisions/003-offline-migrations.md):
// "char" columns unmapped, scripts split on ";", and a shadow database that is dropped while
// still in use.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  ColumnTypeEnum,
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQueryable,
} from "@prisma/driver-adapter-utils";
import { startEmbedded } from "./embedded";
import { createDatabase, dropDatabase, withDatabase, type PgConfig } from "./connection";

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

type PerformIO = (query: unknown) => Promise<pg.QueryArrayResult>;

function toDriverError(error: unknown): DriverAdapterError {
  const e = error as pg.DatabaseError;
  return new DriverAdapterError({
    kind: "postgres",
    code: e.code ?? "unknown",
    severity: e.severity ?? "ERROR",
    message: e.message,
    detail: e.detail,
    column: e.column,
    hint: e.hint,
  });
}

// Postgres "char" columns (e.g. pg_constraint.contype) are not mapped by the adapter, which
// throws; the engine's describer reads them as single characters. Let the adapter see text,
// then report those columns as Character.
function mapCharColumns(queryable: SqlQueryable) {
  const target = queryable as unknown as { performIO: PerformIO };
  const performIO = target.performIO.bind(queryable);
  const queryRaw = queryable.queryRaw.bind(queryable);
  const charColumns = new WeakMap<object, number[]>();
  target.performIO = async (query) => {
    const result = await performIO(query);
    const indexes: number[] = [];
    result.fields.forEach((field, index) => {
      if (field.dataTypeID === PG_CHAR_OID) {
        field.dataTypeID = PG_TEXT_OID;
        indexes.push(index);
      }
    });
    if (indexes.length > 0 && typeof query === "object" && query !== null) charColumns.set(query, indexes);
    return result;
  };
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of charColumns.get(query) ?? []) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
}

function patchAdapter(adapter: SqlDriverAdapter, pool: pg.Pool, onDispose?: () => Promise<void>): SqlDriverAdapter {
  mapCharColumns(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => {
    const tx = await startTransaction(isolationLevel);
    mapCharColumns(tx);
    return tx;
  };
  // One simple-protocol query, like psql -f: keeps $$ … ; … $$ bodies whole.
  adapter.executeScript = async (script) => {
    try {
      await pool.query(script);
    } catch (error) {
      throw toDriverError(error);
    }
  };
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    await dispose();
    await onDispose?.();
  };
  return adapter;
}

async function connectPatched(config: PgConfig, onDispose?: () => Promise<void>): Promise<SqlDriverAdapter> {
  const pool = new pg.Pool({ ...config, max: 2 });
  const adapter = await new PrismaPg(pool, { disposeExternalPool: true }).connect();
  return patchAdapter(adapter, pool, onDispose);
}

export type ShadowStrategy = "create-database" | "embedded";

/**
 * The adapter factory the schema engine gets. `shadow` says how a shadow database is made:
 * on a real server by CREATE DATABASE, on the embedded server (one database only) by a
 * throwaway in-memory PGlite.
 */
export function migrationAdapterFactory(
  config: PgConfig,
  shadow: ShadowStrategy,
): SqlMigrationAwareDriverAdapterFactory & { disposeAll: () => Promise<void> } {
  const open = new Set<SqlDriverAdapter>();
  const track = (adapter: SqlDriverAdapter) => {
    open.add(adapter);
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      if (!open.delete(adapter)) return;
      await dispose();
    };
    return adapter;
  };
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: async () => track(await connectPatched(config)),
    connectToShadowDb: async () => {
      if (shadow === "embedded") {
        const embedded = await startEmbedded();
        return track(await connectPatched(embedded.config, embedded.stop));
      }
      const name = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
      await createDatabase(config, name);
      // Drop only after the shadow's pool is closed (adapter-pg drops it while still connected).
      return track(await connectPatched(withDatabase(config, name), async () => void (await dropDatabase(config, name))));
    },
    disposeAll: async () => {
      for (const adapter of [...open]) await adapter.dispose();
    },
  };
}
