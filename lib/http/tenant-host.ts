// The request's tenant from its host name, resolved once at the edge (decision 046). Free of
// Next.js and Prisma: scripts/server.ts calls it with its pg pool.
import { hops } from "./client";

/** The header the edge sets (after deleting any copy the client sent) to the resolved tenant's id. */
export const TENANT_HEADER = "x-planregister-tenant";

const HOST = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/;

/** The host name as tenant_hosts stores it: lower-case, no port or trailing dot; null if malformed. */
export function normalizeHost(raw: string | undefined): string | null {
  const name = (raw ?? "").trim().toLowerCase().replace(/:\d+$/, "").replace(/\.$/, "");
  return name.length <= 253 && HOST.test(name) ? name : null;
}

/** The host the client asked for: Host, or the nearest trusted proxy's X-Forwarded-Host. */
export function requestHost(host: string | undefined, forwardedHost: string | string[] | undefined, proxies: number): string | null {
  const forwarded = proxies > 0 ? hops(forwardedHost).at(-1) : undefined;
  return normalizeHost(forwarded ?? host);
}

/**
 * The host and port the client asked for ("drift.localhost:3000"), read as requestHost() reads it;
 * null if malformed. The edge passes it on as X-Forwarded-Host, so next-auth's callbacks and every
 * link the app makes point at the tenant's own host (decision 056).
 */
export function requestAuthority(host: string | undefined, forwardedHost: string | string[] | undefined, proxies: number): string | null {
  const raw = ((proxies > 0 ? hops(forwardedHost).at(-1) : undefined) ?? host ?? "").trim().toLowerCase();
  const port = /:(\d{1,5})$/.exec(raw)?.[1];
  const name = normalizeHost(raw);
  if (!name || (port !== undefined && Number(port) > 65535)) return null;
  return port === undefined ? name : `${name}:${port}`;
}

type Query = (sql: string, params: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

// The host's tenant; with exactly one tenant, that tenant for every host.
const RESOLVE_SQL = `SELECT COALESCE((SELECT tenant_id FROM tenant_hosts WHERE host = $1), (SELECT min(id) FROM tenants HAVING count(*) = 1)) AS id`;

/**
 * A resolver from host to tenant id (null: no tenant answers on that host). Answers are kept for
 * `ttlMs` per host, at most `maxHosts` of them, so a new host name works within `ttlMs`. While the
 * database does not answer, a host's last answer stands for up to `staleMs` more: the request then
 * reaches the app, which says the database is down in its own way (a page's 503, or the error
 * page with its retry button for a client-side navigation), instead of the edge's bare 503.
 */
export function tenantResolver(query: Query, options: { ttlMs?: number; maxHosts?: number; staleMs?: number } = {}) {
  const ttlMs = options.ttlMs ?? 10_000;
  const maxHosts = options.maxHosts ?? 1000;
  const staleMs = options.staleMs ?? 10 * 60_000;
  const known = new Map<string, { id: number | null; until: number }>();
  return async (host: string | null): Promise<number | null> => {
    const key = host ?? "";
    const hit = known.get(key);
    if (hit && hit.until > Date.now()) return hit.id;
    let rows: Record<string, unknown>[];
    try {
      ({ rows } = await query(RESOLVE_SQL, [host]));
    } catch (error) {
      if (hit && hit.until + staleMs > Date.now()) return hit.id;
      throw error;
    }
    const id = rows[0]?.id === null || rows[0]?.id === undefined ? null : Number(rows[0].id);
    if (known.size >= maxHosts) known.clear();
    known.set(key, { id, until: Date.now() + ttlMs });
    return id;
  };
}
