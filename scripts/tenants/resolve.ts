// Which tenant a command works in (`npm run user:create -- --tenant …`): a kommunenummer or one of
// the tenant's host names; with one tenant in the database, nothing to say. Read as the owner.
import type pg from "pg";
import { UserFacingError } from "../db/target";
import { normalizeHost } from "../../lib/http/tenant-host";

export type CommandTenant = { id: number; name: string };

/** The tenant `given` names (kommunenummer or host name), or the only one; one sentence naming --tenant otherwise. */
export async function tenantForCommand(client: pg.ClientBase, given: string | undefined): Promise<CommandTenant> {
  const { rows: tenants } = await client.query<CommandTenant & { kommunenummer: string | null; host: string | null }>(`
    SELECT t.id, t.name, t.kommunenummer, (SELECT min(h.host) FROM tenant_hosts h WHERE h.tenant_id = t.id) AS host
    FROM tenants t ORDER BY t.kind, t.id`);
  const example = tenants.find((t) => t.kommunenummer) ?? tenants[0];
  const hint = example ? `, e.g. --tenant ${example.kommunenummer ?? example.host} (${example.name})` : "";
  if (given === undefined) {
    if (tenants.length === 1) return { id: tenants[0]!.id, name: tenants[0]!.name };
    throw new UserFacingError(`This database has ${tenants.length} tenants: say which one the user belongs to with --tenant <kommunenummer or host name>${hint}.`);
  }
  const value = given.trim();
  const host = normalizeHost(value);
  // A kommunenummer before a host name that happens to be four digits.
  const { rows } = await client.query<CommandTenant>(`
    SELECT id, name FROM (
      SELECT id, name, 0 AS rank FROM tenants WHERE kommunenummer = $1
      UNION ALL SELECT t.id, t.name, 1 FROM tenant_hosts h JOIN tenants t ON t.id = h.tenant_id WHERE h.host = $2
    ) found ORDER BY rank LIMIT 1`, [/^\d{4}$/.test(value) ? value : null, host]);
  if (rows[0]) return rows[0];
  throw new UserFacingError(`No tenant has the kommunenummer or host name ${JSON.stringify(value.slice(0, 100))}: give a municipality's 4-digit kommunenummer or one of a tenant's host names with --tenant${hint}.`);
}
