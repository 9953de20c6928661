// The public address of the current tenant (municipality), for links that leave the browser:
// calendar feeds, e-mails, the sitemap, robots.txt, the API reference (decision 058).
//
// NEXTAUTH_URL is the configured address (npm start and the e2e server set it). A municipality's
// links go to its own host: the configured address with its host name replaced by the tenant's
// primary host (scheme and port kept). In order:
//   1. the configured host, when it is one of the tenant's hosts (a single-municipality installation);
//   2. the tenant's host marked primary in tenant_hosts, else its first host name alphabetically;
//   3. no host for the tenant: the configured address as it is (the single-tenant case);
//   4. nothing configured: the request's own host (a request), or http://localhost:$PORT (the worker).
// No Next.js here: the mail worker uses it with its own Prisma client.
import type { PrismaClient } from "./generated/prisma/client";

type RawClient = Pick<PrismaClient, "$queryRaw">;

/** The configured public address without a trailing slash, or null. */
export function configuredBaseUrl(env: NodeJS.ProcessEnv = process.env): string | null {
  // The web server hands NEXTAUTH_URL on under this name before it drops it for next-auth (decision 056).
  const configured = (env.PLANREGISTER_BASE_URL ?? env.NEXTAUTH_URL)?.trim();
  return configured ? configured.replace(/\/+$/, "") : null;
}

/** `base` with its host name replaced by `host` (scheme, port and path kept). */
export function onHost(base: string, host: string): string {
  const url = new URL(base);
  url.hostname = host;
  return url.toString().replace(/\/+$/, "");
}

/** The current tenant's hosts, the primary first, then alphabetically (read in the tenant's transaction). */
export async function tenantHosts(client: RawClient): Promise<string[]> {
  const rows = await client.$queryRaw<{ host: string }[]>`
    SELECT host FROM tenant_hosts WHERE tenant_id = app_current_tenant() ORDER BY is_primary DESC, host LIMIT 50`;
  return rows.map((r) => r.host);
}

/** The current tenant's base URL by the rules above; `fallback` when neither the configuration nor the tenant names one. */
export async function tenantBaseUrl(client: RawClient, fallback: () => string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const configured = configuredBaseUrl(env);
  const hosts = await tenantHosts(client);
  if (!configured) return hosts[0] ? `http://${hosts[0]}` : fallback();
  const configuredHost = new URL(configured).hostname.toLowerCase().replace(/^\[|\]$/g, "");
  if (hosts.length === 0 || hosts.includes(configuredHost)) return configured;
  return onHost(configured, hosts[0]!);
}

/** The request's own address (without anything configured, the best guess). */
export function requestBaseUrl(headers: Headers): string {
  const first = (name: string) => headers.get(name)?.split(",")[0]?.trim() || undefined;
  const host = first("x-forwarded-host") ?? first("host") ?? "localhost";
  const proto = first("x-forwarded-proto") ?? "http";
  return `${proto}://${host}`;
}

/** The installation's scheme and port, for links to another tenant's host (tenantUrl()): the configured address, else the request's. */
export const installationBaseUrl = (headers: Headers): string => configuredBaseUrl() ?? requestBaseUrl(headers);
