// How the app reaches PostgreSQL's app role (docs/decisions/045): a role that is neither superuser
// nor BYPASSRLS nor owner of any table, so row-level security always applies to it. Migrations
// and the job queue's own tables use DATABASE_URL's owner. No Next.js or Prisma here: the edge,
// the worker and scripts use it too.
import type pg from "pg";
import { parse } from "pg-connection-string";

/** The role the migrations create and grant (prisma/migrations/*_tenancy). */
export const APP_ROLE = "planregister_app";

/** The environment variables these functions read (process.env by default). */
export type Env = Readonly<Record<string, string | undefined>>;

export type AppConnection = {
  /** postgres:// URL the app's pools connect with. */
  url: string;
  /**
   * True on the embedded database, whose socket server runs every client in one session as its
   * superuser: each transaction then starts with SET LOCAL ROLE (weaker, see decision 045).
   */
  setLocalRole: boolean;
};

/**
 * The app's connection for an owner URL: DATABASE_APP_URL when set; otherwise the same server and
 * database as the app role, with the owner's password (`npm start` gives the role that password).
 * DATABASE_APP_ROLE=set-local (set by npm start for the embedded database) keeps the owner's URL.
 */
export function appConnection(ownerUrl: string, env: Env = process.env): AppConnection {
  if (env.DATABASE_APP_ROLE === "set-local") return { url: ownerUrl, setLocalRole: true };
  if (env.DATABASE_APP_URL) return { url: env.DATABASE_APP_URL, setLocalRole: false };
  const parsed = parse(ownerUrl);
  if (parsed.user === APP_ROLE) return { url: ownerUrl, setLocalRole: false };
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  return { url: url.toString(), setLocalRole: false };
}

/** The statement that starts every transaction of the app: its tenant (null: the only tenant, if there is one). */
export function tenantStatement(tenantId: number | null, setLocalRole = process.env.DATABASE_APP_ROLE === "set-local"): string {
  if (tenantId !== null && !Number.isSafeInteger(tenantId)) throw new Error(`Not a tenant id: ${tenantId}`);
  // An integer we checked, not user input: one simple-protocol round trip for both statements.
  const set = `SELECT app_set_tenant(${tenantId === null ? "NULL" : tenantId})`;
  return setLocalRole ? `SET LOCAL ROLE ${APP_ROLE}; ${set}` : set;
}

/** The role the app's queries run as for an owner URL: the app role, or DATABASE_APP_URL's user. */
export function appRoleName(ownerUrl: string, env: Env = process.env): string {
  const app = appConnection(ownerUrl, env);
  return app.setLocalRole ? APP_ROLE : (parse(app.url).user ?? APP_ROLE);
}

/**
 * Why row-level security would not hold `role` in the database of `client`, as one sentence, or
 * null: it is a superuser or BYPASSRLS, belongs to a role that is, or owns a table (itself or
 * through a role it belongs to). The migrations create the role only if it is missing, so a role
 * made earlier with other attributes is caught here, not there.
 */
export async function appRoleRefusal(client: pg.ClientBase, role: string): Promise<string | null> {
  const { rows } = await client.query<{ rolsuper: boolean; rolbypassrls: boolean; via: string[]; owned: string[] }>(`
    SELECT r.rolsuper, r.rolbypassrls,
      ARRAY(SELECT g.rolname::text FROM pg_roles g WHERE g.oid <> r.oid AND (g.rolsuper OR g.rolbypassrls) AND pg_has_role(r.oid, g.oid, 'MEMBER') ORDER BY 1) AS via,
      ARRAY(SELECT c.oid::regclass::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND pg_has_role(r.oid, c.relowner, 'MEMBER')
            ORDER BY 1 LIMIT 6) AS owned
    FROM pg_roles r WHERE r.rolname = $1`, [role]);
  const found = rows[0];
  if (!found) return `The app role "${role}" does not exist: run the migrations (npm run db:migrate) or fix DATABASE_APP_URL.`;
  const sentence = (problems: [what: string, fix: string][]) => problems.length === 0 ? null
    : `The app role "${role}" ${problems.map((p) => p[0]).join(" and ")}, so row-level security would not hold the app (decision 045): ${problems.map((p) => p[1]).join("; ")}, then start again.`;
  // A superuser counts as a member of every role and so as every table's owner: that one is the problem.
  if (found.rolsuper) return sentence([["is a superuser", `ALTER ROLE "${role}" NOSUPERUSER`]]);
  const problems: [what: string, fix: string][] = [];
  if (found.rolbypassrls) problems.push(["has BYPASSRLS", `ALTER ROLE "${role}" NOBYPASSRLS`]);
  if (found.via.length) problems.push([`is a member of ${found.via.join(", ")} (superuser or BYPASSRLS)`, `REVOKE ${found.via.map((v) => `"${v}"`).join(", ")} FROM "${role}"`]);
  if (found.owned.length) {
    const tables = found.owned.length > 5 ? `${found.owned.slice(0, 5).join(", ")}, …` : found.owned.join(", ");
    problems.push([`owns ${tables}`, "give its tables to the migrations' owner (ALTER TABLE … OWNER TO …)"]);
  }
  return sentence(problems);
}
