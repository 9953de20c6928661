// The work of `npm run tenant:create`: parse and check the arguments, then one transaction as the
// owner through tenant_create() (prisma/migrations/*_platform_operator): the tenant, its host
// names, its first user with a one-time set-password link, and their audit rows.
import { parseArgs } from "node:util";
import pg from "pg";
import { UserFacingError } from "../db/target";
import type { PgConfig } from "../db/connection";
import { tenantCreateSchema, type TenantCreateInput } from "../../lib/tenants/schema";
import { tenantRefusal } from "../../lib/tenants/refusal";
import { commandLineBase, tenantUrl } from "../../lib/tenants/links";
import { newSecretToken } from "../../lib/auth/secret-token";
import { passwordLinkHours, passwordLinkPath } from "../../lib/auth/password-tokens";

export const USAGE =
  'npm run tenant:create -- --kommunenummer 5026 --name "Holtålen kommune" --county-number 50 --county-name Trøndelag --host planer.holtalen.kommune.no --admin it@holtalen.kommune.no [--admin-name "…"] [--kind municipality|county|platform]';

// One sentence per field, for the first problem found.
const SENTENCES: Record<string, string> = {
  kind: "--kind must be municipality, county or platform.",
  kommunenummer: "A municipality needs --kommunenummer of 4 digits (e.g. 5026); a county office or the platform has none.",
  name: "--name must have 1 to 200 characters.",
  countyNumber: "--county-number must be 2 digits (e.g. 50).",
  countyName: "--county-name is required (e.g. Trøndelag), at most 200 characters.",
  hosts: "Give 1 to 20 different --host names of lower-case letters, digits, dots and hyphens (e.g. planer.kommune.no, no port).",
  adminName: "--admin-name must have 1 to 200 characters.",
  adminEmail: "--admin must be the first user's e-mail address (e.g. it@kommune.no).",
};

/** The arguments as the schema's input, or one sentence saying what is wrong. */
export function parseTenantArgs(args: string[]): TenantCreateInput {
  let values: Record<string, string | string[] | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      options: {
        kind: { type: "string", default: "municipality" },
        kommunenummer: { type: "string" },
        name: { type: "string" },
        "county-number": { type: "string" },
        "county-name": { type: "string" },
        host: { type: "string", multiple: true },
        admin: { type: "string" },
        "admin-name": { type: "string" },
      },
    }));
  } catch (error) {
    throw new UserFacingError(`${(error as Error).message.split("\n")[0]} Usage: ${USAGE}`);
  }
  const admin = typeof values.admin === "string" ? values.admin : "";
  const parsed = tenantCreateSchema.safeParse({
    kind: values.kind,
    kommunenummer: values.kommunenummer ?? "",
    name: values.name ?? "",
    countyNumber: values["county-number"] ?? "",
    countyName: values["county-name"] ?? "",
    hosts: values.host ?? [],
    adminEmail: admin,
    adminName: values["admin-name"] ?? admin.split("@")[0] ?? "",
  });
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? "");
    throw new UserFacingError(SENTENCES[field] ?? `The arguments are not valid. Usage: ${USAGE}`);
  }
  return parsed.data;
}

/** Creates the tenant as the owner at `config`; returns its id and the first user's one-time link. */
export async function createTenantAsOwner(config: PgConfig, input: TenantCreateInput): Promise<{ tenantId: number; userId: number; link: string }> {
  const { token, hash } = newSecretToken();
  const expiresAt = new Date(Date.now() + passwordLinkHours() * 3_600_000);
  const client = new pg.Client(config);
  await client.connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ tenant_id: number; user_id: number }>(
      `SELECT tenant_id, user_id FROM tenant_create($1::"TenantKind", $2, $3, $4, $5, $6::text[], $7, $8, $9, $10, '{"via": "command line"}'::jsonb)`,
      [input.kind, input.kommunenummer, input.name, input.countyNumber, input.countyName, input.hosts, input.adminEmail, input.adminName, hash, expiresAt],
    );
    await client.query("COMMIT");
    const host = input.hosts[0]!;
    return { tenantId: rows[0]!.tenant_id, userId: rows[0]!.user_id, link: tenantUrl(commandLineBase(host), host, passwordLinkPath(token)) };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    const refusal = tenantRefusal(error);
    if (refusal) throw new UserFacingError(refusal.message);
    throw error;
  } finally {
    await client.end();
  }
}
