// How the app reaches PostgreSQL's app role (docs/decisions/045): a role that is neither superuser
// nor BYPASSRLS nor owner of any table, so row-level security always applies to it. Migrations
// and the job queue's own tables use DATABASE_URL's owner. No Next.js or Prisma here: the edge,
// the worker and scripts use it too.
import { parse } from "pg-connection-string";

/** The role the migrations create and grant (prisma/migrations/*_tenancy). */
export const APP_ROLE = "planregister_app";

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
export function appConnection(ownerUrl: string, env: NodeJS.ProcessEnv = process.env): AppConnection {
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
