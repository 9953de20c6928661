// The example data's platform (decision 055): the platform tenant on drift.localhost with a demo
// operator, and Røros (the first tenant) named on localhost and 127.0.0.1, since with more than one
// tenant only named hosts answer. Its own module, hooked into scripts/db/load-data.ts.
import pg from "pg";
import { hashPassword } from "../../lib/auth/password";
import type { PgConfig } from "../../scripts/db/connection";

export const PLATFORM_HOST = "drift.localhost";

/** The demo operator, printed with the other demo accounts. For local demonstration only. */
export const demoOperator = { email: "drift@demo.planregister.no", name: "Demo Driftsoperatør", role: "operator", password: "demo-drift-passord" } as const;

/** Røros's host names on this machine: the e2e tests and the README's links rely on them. */
export const ROROS_HOSTS = ["localhost", "127.0.0.1", "roros.localhost"];

/** Creates the platform and its operator once, as the owner; returns whether it did. */
export async function seedPlatform(config: PgConfig, rorosTenantId: number): Promise<boolean> {
  const passwordHash = await hashPassword(demoOperator.password);
  const client = new pg.Client(config);
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock(hashtext('planregister.platform-seed'))");
    if ((await client.query("SELECT 1 FROM tenants WHERE kind = 'platform'")).rowCount) {
      await client.query("ROLLBACK");
      return false;
    }
    await client.query(`INSERT INTO tenant_hosts (host, tenant_id) SELECT unnest($1::text[]), $2 ON CONFLICT (host) DO NOTHING`, [ROROS_HOSTS, rorosTenantId]);
    const { rows } = await client.query<{ tenant_id: number; user_id: number }>(
      `SELECT tenant_id, user_id FROM tenant_create('platform', NULL, 'Planregister drift', '00', '', $1::text[], $2, $3, NULL, NULL, '{"via": "example data"}'::jsonb)`,
      [[PLATFORM_HOST], demoOperator.email, demoOperator.name],
    );
    const { tenant_id: tenantId, user_id: userId } = rows[0]!;
    // Under the platform's tenant: row-level security holds an owner that is not a superuser.
    await client.query("SELECT set_config('app.tenant_id', $1, true)", [String(tenantId)]);
    await client.query("UPDATE users SET password_hash = $1 WHERE id = $2", [passwordHash, userId]);
    await client.query("COMMIT");
    return true;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
