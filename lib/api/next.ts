// The API's route handlers: the request pipeline (./handler.ts) with Next.js's data cache and the
// admin's innsyn setting. Each file under app/api/v1 is one line that names its route.
import "server-only";
import { db } from "../db";
import { cachedPublic } from "../public/cache";
import { innsynEnabled } from "../public/enabled";
import { handleApi, preflight, type ApiDeps } from "./handler";
import { apiRoutes, type ApiRouteName } from "./routes";

const deps: ApiDeps = { client: db, innsynEnabled, cachePublic: (key, load) => cachedPublic(`api ${key}`, load) };

type Context = { params: Promise<Record<string, string>> };

/** GET, HEAD and OPTIONS for one route of the API. */
export function apiHandlers(name: ApiRouteName) {
  const GET = async (request: Request, context: Context) => handleApi(request, apiRoutes[name].route, await context.params, deps);
  return { GET, HEAD: GET, OPTIONS: async () => preflight() };
}
