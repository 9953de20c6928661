// The embedded default: PGlite (PostgreSQL compiled to WASM) behind its Postgres wire-protocol
// server, so the app, Prisma and the migration engine all talk to it like to a real server.
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import type { PgConfig } from "./connection";

/** Connections the socket server accepts; app pools must stay below this. */
export const EMBEDDED_MAX_CONNECTIONS = 40;

export type EmbeddedDatabase = { config: PgConfig; stop: () => Promise<void> };

/** Where `npm start` / `npm run dev` keep their data unless PLANREGISTER_DATA_DIR says otherwise. */
export function defaultDataDir(): string {
  return path.resolve(process.env.PLANREGISTER_DATA_DIR ?? ".data/pglite");
}

export class EmbeddedDatabaseError extends Error {}

function lockPath(dataDir: string) {
  return path.join(dataDir, "planregister.lock");
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

// PGlite has no lock of its own; two processes on one data folder would corrupt it.
function takeLock(dataDir: string): () => void {
  const file = lockPath(dataDir);
  if (fs.existsSync(file)) {
    const pid = Number(fs.readFileSync(file, "utf8").trim());
    if (pid && pid !== process.pid && processAlive(pid)) {
      throw new EmbeddedDatabaseError(
        `The embedded database in ${path.relative(process.cwd(), dataDir) || dataDir} is in use by process ${pid} (a running npm start or npm run dev?): stop that first, or set DATABASE_URL.`,
      );
    }
  }
  fs.writeFileSync(file, String(process.pid));
  return () => fs.rmSync(file, { force: true });
}

export async function portIsFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

/**
 * Starts PGlite on 127.0.0.1. With a data folder the data persists there; without one it lives
 * in memory (tests, shadow databases). Port 0 picks a free port.
 */
export async function startEmbedded(options: { dataDir?: string; port?: number } = {}): Promise<EmbeddedDatabase> {
  const host = "127.0.0.1";
  const port = options.port ?? 0;
  if (port !== 0 && !(await portIsFree(port, host))) {
    throw new EmbeddedDatabaseError(
      `Port ${port} for the embedded database is already in use: stop whatever listens there or set PLANREGISTER_DB_PORT to another port.`,
    );
  }
  let release = () => {};
  if (options.dataDir) {
    fs.mkdirSync(options.dataDir, { recursive: true });
    release = takeLock(options.dataDir);
  }
  let db: PGlite | undefined;
  try {
    db = options.dataDir ? await PGlite.create(options.dataDir) : await PGlite.create();
    const server = new PGLiteSocketServer({ db, host, port, maxConnections: EMBEDDED_MAX_CONNECTIONS });
    await server.start();
    const actualPort = Number(server.getServerConn().split(":").pop());
    const opened = db;
    let stopped = false;
    return {
      config: { host, port: actualPort, user: "postgres", database: "postgres", max: EMBEDDED_MAX_CONNECTIONS - 2 },
      stop: async () => {
        if (stopped) return;
        stopped = true;
        await server.stop();
        await opened.close();
        release();
      },
    };
  } catch (error) {
    await db?.close().catch(() => {});
    release();
    throw error;
  }
}
