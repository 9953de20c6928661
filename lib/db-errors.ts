// Recognising database errors that a user can act on.
import { Prisma } from "./generated/prisma/client";

/** A unique constraint refused the write (Prisma P2002). */
export const isUniqueViolation = (e: unknown): boolean => e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";

// Prisma's codes for an unreachable server, a timeout or a full pool; PostgreSQL's SQLSTATEs for
// a cancelled statement, a shutdown and the connection-exception class; node-postgres' messages
// for its own connect and query timeouts and dropped connections.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "TransactionAlreadyClosed"]);
const SQLSTATE = /^(57014|57P0[1-3]|08...|53300)$/;
const MESSAGES = /Query read timeout|timeout exceeded when trying to connect|Connection terminated|ECONNREFUSED|ECONNRESET|Client has encountered a connection error|Can't reach database server|Transaction API error|Unable to start a transaction/i;

/** True when `e` says the database did not answer (down, unreachable, too slow, pool exhausted). */
export function isDatabaseUnavailable(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== "object" || depth > 4) return false;
  if (e instanceof Prisma.PrismaClientInitializationError) return true;
  const error = e as { code?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown } } } };
  if (typeof error.code === "string" && (PRISMA_CODES.has(error.code) || SQLSTATE.test(error.code))) return true;
  const adapter = error.meta?.driverAdapterError?.cause;
  if (adapter && (ADAPTER_KINDS.has(String(adapter.kind)) || SQLSTATE.test(String(adapter.originalCode ?? "")))) return true;
  if (typeof error.message === "string" && MESSAGES.test(error.message)) return true;
  return isDatabaseUnavailable(error.cause, depth + 1);
}
