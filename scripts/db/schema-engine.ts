// Prisma's own migration engine (the one behind `prisma migrate`), run as WebAssembly with our
// driver adapter, so migrations need no native binary and no network.
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
// The package's "types" field points at a file it does not ship; its typings are under dist/src.
import type { Migrate, SchemaEngineWasm } from "@prisma/migrate/dist/src/index";
import type { SchemaContext } from "@prisma/internals";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { migrationAdapterFactory, type ShadowStrategy } from "./migration-adapter";
import type { PgConfig } from "./connection";

export const projectRoot = path.resolve(import.meta.dirname, "..", "..");
export const schemaPath = path.join(projectRoot, "prisma", "schema.prisma");
export const migrationsDir = path.join(projectRoot, "prisma", "migrations");

type WasmRuntime = {
  __wbg_set_wasm: (exports: WebAssembly.Exports) => void;
  SchemaEngine: { new: (options: object, log: (message: string) => void, adapter: object) => Promise<unknown> };
};

// Prisma's internal packages are CommonJS without statically detectable named exports.
const requireFromHere = createRequire(import.meta.url);
const { Migrate: MigrateClass, SchemaEngineWasm: SchemaEngineWasmClass } =
  requireFromHere("@prisma/migrate") as typeof import("@prisma/migrate/dist/src/index");
const { loadSchemaContext } = requireFromHere("@prisma/internals") as typeof import("@prisma/internals");

let runtimePromise: Promise<WasmRuntime> | undefined;

// @prisma/internals expects the wasm beside its own build, where the package does not ship
// it; load it from @prisma/schema-engine-wasm, the same way @prisma/internals would.
function loadRuntime(): Promise<WasmRuntime> {
  runtimePromise ??= (async () => {
    const fromInternals = createRequire(requireFromHere.resolve("@prisma/internals"));
    const jsPath = fromInternals.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const runtime = (await import(pathToFileURL(jsPath).href)) as WasmRuntime;
    const bytes = fs.readFileSync(path.join(path.dirname(jsPath), "schema_engine_bg.wasm"));
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {
      "./schema_engine_bg.js": runtime as unknown as WebAssembly.ModuleImports,
    });
    runtime.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return runtime;
  })();
  return runtimePromise;
}

export type EngineSession = { migrate: Migrate; schemaContext: SchemaContext; close: () => Promise<void> };

/** Opens Prisma's schema engine on a database. Always `close()` it. */
export type ProjectPaths = { schemaPath: string; migrationsDir: string };

export async function openEngine(
  config: PgConfig,
  shadow: ShadowStrategy,
  paths: ProjectPaths = { schemaPath, migrationsDir },
): Promise<EngineSession> {
  const registry = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message: (m: string) => void } };
  registry.PRISMA_WASM_PANIC_REGISTRY = { set_message: (message) => console.error(message) };
  const schemaContext = await loadSchemaContext({
    schemaPath: { configProvidedPath: paths.schemaPath },
    printLoadMessage: false,
    cwd: projectRoot,
  });
  const factory = migrationAdapterFactory(config, shadow);
  const bound = bindMigrationAwareSqlAdapterFactory(factory);
  const runtime = await loadRuntime();
  const log = process.env.DEBUG_SCHEMA_ENGINE ? (m: string) => console.error(m) : () => {};
  const wasmEngine = await runtime.SchemaEngine.new({ datamodels: schemaContext.schemaFiles }, log, bound);
  // Both constructors are private in the typings; setup() would look for the wasm elsewhere.
  const EngineCtor = SchemaEngineWasmClass as unknown as new (o: object) => SchemaEngineWasm;
  const engine = new EngineCtor({ engine: wasmEngine, errorRegistry: bound.errorRegistry });
  const MigrateCtor = MigrateClass as unknown as new (o: object) => Migrate;
  const migrate = new MigrateCtor({ engine, schemaContext, migrationsDirPath: paths.migrationsDir });
  return {
    migrate,
    schemaContext,
    close: async () => {
      await migrate.stop().catch(() => {});
      await factory.disposeAll();
    },
  };
}
