// What the tenant functions in PostgreSQL refused, in terms a form or the command line can show:
// they raise with DETAIL '<field>:<reason>' (prisma/migrations/*_platform_operator). Works on
// node-postgres errors and on Prisma's (which carry the driver's error as a cause).
export type TenantRefusal = { field: string; reason: string; message: string };

type Found = { code?: unknown; detail?: unknown; message?: unknown; kind?: unknown; constraint?: unknown };

// The error object with PostgreSQL's fields, wherever Prisma put it (its own codes look like
// SQLSTATEs, "P2010", so only an object with a severity or an originalCode is PostgreSQL's).
function postgresError(e: unknown, depth = 0): Found | null {
  if (!e || typeof e !== "object" || depth > 5) return null;
  const error = e as Found & { severity?: unknown; originalCode?: unknown; originalMessage?: unknown; cause?: unknown; meta?: { driverAdapterError?: { cause?: unknown } } };
  if (typeof error.originalCode === "string") {
    return { code: error.originalCode, detail: error.detail, message: error.originalMessage ?? error.message, kind: error.kind, constraint: error.constraint };
  }
  if (typeof error.severity === "string" && typeof error.code === "string") return error;
  return postgresError(error.meta?.driverAdapterError?.cause, depth + 1) ?? postgresError(error.meta?.driverAdapterError, depth + 1) ?? postgresError(error.cause, depth + 1);
}

/** The refusal in `e`, or null when `e` is something else (then it is a fault, not bad input). */
export function tenantRefusal(e: unknown): TenantRefusal | null {
  const pgError = postgresError(e);
  if (!pgError) return null;
  const message = typeof pgError.message === "string" ? pgError.message : "";
  if (pgError.code === "42501" && /operator of the platform/.test(message)) return { field: "form", reason: "forbidden", message };
  const detail = typeof pgError.detail === "string" ? /^(\w+):(\w+)$/.exec(pgError.detail) : null;
  if (pgError.code === "P0001" && detail) return { field: detail[1]!, reason: detail[2]!, message };
  // Two operators at once: the unique index decides, with the same answer as the check before it.
  if (pgError.code === "23505" || pgError.kind === "UniqueConstraintViolation") {
    const text = `${String(pgError.constraint ?? "")} ${typeof pgError.detail === "string" ? pgError.detail : ""} ${message}`;
    if (/host/.test(text)) return { field: "hosts", reason: "taken", message: "A host name given already belongs to a tenant." };
    if (/kommunenummer/.test(text)) return { field: "kommunenummer", reason: "taken", message: "The kommunenummer already belongs to a tenant." };
    if (/county_office/.test(text)) return { field: "countyNumber", reason: "officeExists", message: "The county already has its governor's office." };
    if (/platform/.test(text)) return { field: "kind", reason: "platformExists", message: "The platform tenant exists already." };
  }
  return null;
}
