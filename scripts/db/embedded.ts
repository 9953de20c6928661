// The embedded default: PGlite (PostgreSQL compiled to WASM) behind its Postgres wire-protocol
// server, so the app, Prisma and the migration engine all talk to it like to a real server.
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import type { PgConfig } from "./connection";

/** Connections the socket server accepts; app pools must stay below this. */
export const EMBEDDED_MAX_CONNECTIONS = 40;

export type EmbeddedDatabase = { config: PgConfig; stop: () => Promise<void> };

// pglite-socket 0.1.6 queues wire-protocol messages one by one across connections, so two
// clients' extended-protocol queries (Parse/Bind/Execute … Sync) can interleave on PGlite's single
// backend and clobber each other's unnamed statement ("bind message supplies 4 parameters, but
// prepared statement "" requires 1"); and its transaction check misses a just-failed transaction,
// so another client's query ran before the ROLLBACK (and saw wrong results). This keeps a client's
// turn until its Sync, and while the backend's last ReadyForQuery says it is not idle. Worth an
// upstream report.
type QueuedMessage = { handlerId: number; message: Uint8Array; resolve: (n: number) => void; reject: (e: unknown) => void; onData: (d: Uint8Array) => void };
type Queue = {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  db: PGlite;
  processQueue: () => Promise<void>;
  clearQueueForHandler: (id: number) => void;
};
const EXTENDED = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]); // Parse, Bind, Describe, Execute, Close, Flush

function keepTurnUntilSync(server: PGLiteSocketServer) {
  const queue = (server as unknown as { queryQueue: Queue }).queryQueue;
  let midQuery = false;
  // The backend's own word on its state: the status byte of the last ReadyForQuery ('I' idle).
  let status = 0x49;
  const readStatus = (d: Uint8Array) => {
    for (let i = d.length - 6; i >= 0; i--) {
      if (d[i] === 0x5a && d[i + 1] === 0 && d[i + 2] === 0 && d[i + 3] === 0 && d[i + 4] === 5) {
        status = d[i + 5]!;
        return;
      }
    }
  };
  const clear = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (id) => {
    if (queue.lastHandlerId === id) midQuery = false;
    clear(id);
  };
  queue.processQueue = async () => {
    if (queue.processing || queue.queue.length === 0) return;
    queue.processing = true;
    try {
      while (queue.queue.length > 0) {
        let item: QueuedMessage | undefined;
        if ((midQuery || status !== 0x49 || queue.db.isInTransaction()) && queue.lastHandlerId !== null) {
          const index = queue.queue.findIndex((q) => q.handlerId === queue.lastHandlerId);
          if (index === -1) break; // wait for the rest of that client's query
          item = queue.queue.splice(index, 1)[0];
        } else {
          item = queue.queue.shift();
        }
        if (!item) break;
        const current = item;
        let bytes = 0;
        try {
          await queue.db.runExclusive(() => queue.db.execProtocolRawStream(current.message, { onRawData: (d) => { bytes += d.length; readStatus(d); current.onData(d); } }));
        } catch (error) {
          midQuery = false;
          current.reject(error);
          continue;
        }
        midQuery = EXTENDED.has(current.message[0] ?? 0);
        queue.lastHandlerId = current.handlerId;
        current.resolve(bytes);
      }
    } finally {
      queue.processing = false;
    }
  };
}

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
    // pg_trgm: the register's search indexes (the migrations create the extension).
    db = options.dataDir ? await PGlite.create(options.dataDir, { extensions: { pg_trgm } }) : await PGlite.create({ extensions: { pg_trgm } });
    const server = new PGLiteSocketServer({ db, host, port, maxConnections: EMBEDDED_MAX_CONNECTIONS });
    keepTurnUntilSync(server);
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
