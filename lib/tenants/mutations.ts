// The operator's writes, through the SECURITY DEFINER functions of the platform tenant (decision
// 055): the app role cannot write tenants or host names itself. Each call is one transaction with
// its audit rows, in the platform's audit and the tenant's.
import "server-only";
import { db } from "../db";
import { DomainError, type ErrorKey } from "../errors";
import { newSecretToken } from "../auth/secret-token";
import { passwordLinkHours } from "../auth/password-tokens";
import { tenantRefusal } from "./refusal";
import type { TenantCreateInput } from "./schema";

const KEYS: Record<string, ErrorKey> = {
  taken: "tenantValueTaken",
  officeExists: "countyOfficeExists",
  platformExists: "platformExists",
  last: "hostLast",
  tooMany: "hostTooMany",
  unknown: "notFound",
  forbidden: "forbidden",
};

// A refusal of the database as the message next to its field; anything else stays a fault.
function asDomainError(error: unknown): unknown {
  const refusal = tenantRefusal(error);
  if (!refusal) return error;
  const key: ErrorKey = KEYS[refusal.reason] ?? "invalidInput";
  const code = refusal.reason === "forbidden" ? "forbidden" : refusal.reason === "unknown" ? "not_found" : "conflict";
  const field = refusal.field === "form" || refusal.field === "tenantId" ? undefined : refusal.field;
  return new DomainError(code, key, field);
}

/** Creates a tenant with its host names and first user; returns the user's one-time set-password token. */
export async function createTenant(actorId: number, input: TenantCreateInput) {
  const { token, hash } = newSecretToken();
  const expiresAt = new Date(Date.now() + passwordLinkHours() * 3_600_000);
  try {
    const [row] = await db.$queryRaw<{ tenant_id: number; user_id: number }[]>`
      SELECT tenant_id, user_id FROM platform_create_tenant(${actorId}::int, ${input.kind}::"TenantKind", ${input.kommunenummer}, ${input.name},
        ${input.countyNumber}, ${input.countyName}, ${input.hosts}::text[], ${input.adminEmail}, ${input.adminName}, ${hash}, ${expiresAt})`;
    return { tenantId: row!.tenant_id, userId: row!.user_id, token };
  } catch (error) {
    throw asDomainError(error);
  }
}

/** Adds (`add`) or removes a host name of a tenant; a tenant keeps at least one. */
export async function changeHost(actorId: number, tenantId: number, host: string, add: boolean): Promise<void> {
  try {
    // executeRaw: the function returns void, which queryRaw cannot read.
    await db.$executeRaw`SELECT platform_set_host(${actorId}::int, ${tenantId}::int, ${host}, ${add})`;
  } catch (error) {
    throw asDomainError(error);
  }
}
