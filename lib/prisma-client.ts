// Builds a PrismaClient on node-postgres (no native engine). The app uses the one instance in
// lib/db.ts; scripts and tests build their own with this function. Every client connects as the
// app role and sets the tenant in each transaction (decision 045).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { appConnection } from "./db-role";
import { tenantAdapterFactory, tenantPgClient } from "./tenant-adapter";

/** Bounded waits (decision 016): a database that is gone or stalled is an answer within seconds, not a hang. */
export type DbTimeouts = { connectMs: number; statementMs: number };

function milliseconds(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a whole number of milliseconds, not "${raw}".`);
  return value;
}

/** DATABASE_CONNECT_TIMEOUT_MS (connect or wait for a pooled connection, default 3 s) and DATABASE_STATEMENT_TIMEOUT_MS (default 10 s). */
export const dbTimeouts = (): DbTimeouts => ({
  connectMs: milliseconds("DATABASE_CONNECT_TIMEOUT_MS", 3000),
  statementMs: milliseconds("DATABASE_STATEMENT_TIMEOUT_MS", 10_000),
});

/**
 * A PrismaClient for the database at `url` (the owner's URL), as the app role; `max` bounds the
 * connection pool, `timeouts` every wait on it; `tenant` is its tenant outside withTenant (for
 * scripts and tests bound to one tenant; the app and the worker always use withTenant).
 */
export function createPrismaClient(url: string, options: { max?: number; timeouts?: DbTimeouts; tenant?: number } = {}): PrismaClient {
  const timeouts = options.timeouts ?? dbTimeouts();
  const app = appConnection(url);
  const pg = new PrismaPg({
    connectionString: app.url,
    // Sends the tenant statement with each BEGIN (decision 045, 059).
    Client: tenantPgClient(app.setLocalRole, options.tenant ?? null),
    max: options.max ?? 10,
    // Also the longest wait for a free connection when all `max` are busy.
    connectionTimeoutMillis: timeouts.connectMs,
    // The server cancels a slow statement; the client gives up on a server that does not answer at all.
    statement_timeout: timeouts.statementMs,
    query_timeout: timeouts.statementMs + 2000,
    // Below any idle_session_timeout the server may have (README), so it is we who close idle connections.
    idleTimeoutMillis: 10_000,
  });
  return new PrismaClient({ adapter: tenantAdapterFactory(pg, app.setLocalRole, options.tenant ?? null) });
}

export type { PrismaClient };
