// Direct access to the e2e server's database, for arranging data and checking what changed.
import pg from "pg";
import { createPrismaClient, type PrismaClient } from "../../lib/prisma-client";
import { createSessionRow, encodeSessionToken } from "../../lib/auth/session-token";
import { hashPassword } from "../../lib/auth/password";
import type { Role } from "../../lib/permissions";
import { readE2eState } from "../state";

let client: PrismaClient | undefined;

/** The example data's municipality (Røros), which localhost and 127.0.0.1 answer for. */
export const E2E_TENANT = 1;

/** The database as the app role, in the tenant of localhost (the example data has several). */
export function e2eDb(): PrismaClient {
  return (client ??= createPrismaClient(readE2eState().databaseUrl, { max: 3, tenant: E2E_TENANT }));
}

/** Names `host` for the e2e municipality (as the owner): with several tenants only named hosts answer. */
export async function nameE2eHost(host: string): Promise<void> {
  const owner = new pg.Client({ connectionString: readE2eState().databaseUrl });
  await owner.connect();
  try {
    await owner.query("INSERT INTO tenant_hosts (host, tenant_id) VALUES ($1, $2) ON CONFLICT (host) DO NOTHING", [host, E2E_TENANT]);
  } finally {
    await owner.end();
  }
}

/** The session cookie of the production build (secure, __Host- prefixed). */
export const SESSION_COOKIE = "__Host-planregister.session";

export const E2E_PASSWORD = "Grønn-Fjellbjørk-Sykkel-58";

const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** A new user of `role` (unique e-mail) with the e2e password. */
export async function createE2eUser(role: Role, data: { name?: string; active?: boolean } = {}) {
  const email = `${role}-${stamp()}@e2e.planregister.no`;
  return e2eDb().user.create({
    data: { email, name: data.name ?? `E2E ${role}`, role, active: data.active ?? true, passwordHash: await hashPassword(E2E_PASSWORD) },
  });
}

/** A session cookie value for the user, made the way the app makes them. */
export async function sessionCookieFor(user: { id: number; sessionVersion: number }): Promise<string> {
  const maxAge = 12 * 3600;
  const { claims } = await createSessionRow(e2eDb(), user, "password", maxAge);
  return encodeSessionToken(claims, readE2eState().secret, maxAge);
}
