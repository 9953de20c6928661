// Calls the read API's request pipeline (lib/api/handler.ts) with real Requests, as the route
// handlers do, against a real database; routes are found by the document's path templates.
import { randomUUID } from "node:crypto";
import { db } from "../../lib/db";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { handleApi, type ApiDeps } from "../../lib/api/handler";
import { apiRoutes, type ApiRouteName } from "../../lib/api/routes";
import { CLIENT_ADDRESS_HEADER } from "../../lib/http/client";

export type CallOptions = { token?: string; authorization?: string; address?: string; ifNoneMatch?: string; innsyn?: boolean; client?: PrismaClient };

/** The route and path parameters for "/plans/12?x=y", and the template it matched. */
export function routeOf(path: string): { name: ApiRouteName; template: string; params: Record<string, string> } | null {
  const pathname = path.split("?")[0]!;
  for (const [name, r] of Object.entries(apiRoutes) as [ApiRouteName, (typeof apiRoutes)[ApiRouteName]][]) {
    const names: string[] = [];
    const pattern = new RegExp(`^${r.path.replace(/\{(\w+)\}/g, (_m, n: string) => (names.push(n), "([^/]+)"))}$`);
    const m = pattern.exec(pathname);
    if (m) return { name, template: r.path, params: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)])) };
  }
  return null;
}

/** A fresh client address, so one test's requests do not count against another's limit. */
export const freshAddress = () => `198.51.100.${randomUUID().slice(0, 6)}`;

export async function callApi(path: string, options: CallOptions = {}): Promise<{ response: Response; template: string }> {
  const route = routeOf(path);
  if (!route) throw new Error(`no API route for ${path}`);
  const headers = new Headers({ [CLIENT_ADDRESS_HEADER]: options.address ?? freshAddress() });
  if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  if (options.authorization !== undefined) headers.set("authorization", options.authorization);
  if (options.ifNoneMatch) headers.set("if-none-match", options.ifNoneMatch);
  const deps: ApiDeps = { client: options.client ?? db, innsynEnabled: async () => options.innsyn ?? true, cachePublic: (_key, load) => load() };
  const response = await handleApi(new Request(`http://planregister.test/api/v1${path}`, { headers }), apiRoutes[route.name].route, route.params, deps);
  return { response, template: route.template };
}
