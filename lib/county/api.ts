// GET /api/v1/county: the county view's figures for other systems, with a personal API token of a
// county office user (the token belongs to the office's tenant, so it sees that county only).
// Public fields only; a bad query is 400 naming the parameter, a bad token 401, too many 429.
import "server-only";
import { db } from "../db";
import type { PrismaClient } from "../generated/prisma/client";
import { verifyApiToken } from "../api-tokens/verify";
import { CORS_HEADERS, apiRateLimits } from "../api/handler";
import { invalidParams, problem } from "../api/problem";
import { searchParamsObject } from "../public/params";
import { hitRateLimit, queryRunner } from "../rate-limit";
import { isDatabaseUnavailable } from "../db-errors";
import { todayInOslo } from "../dates";
import { getTenant } from "../tenant";
import { filterAndSort } from "./figures";
import { countyFilterSchema } from "./params";
import { countyJson } from "./download";
import { getCountyOverview } from "./queries";

const cors = (r: Response) => { for (const [k, v] of Object.entries(CORS_HEADERS)) r.headers.set(k, v); return r; };

/** Answers one GET of the county endpoint. */
export async function countyApi(request: Request, client: PrismaClient = db): Promise<Response> {
  try {
    const match = /^Bearer ([^\s]{1,200})$/.exec(request.headers.get("authorization")?.trim() ?? "");
    const reader = match ? await verifyApiToken(match[1]!, new Date(), client, "county.read") : null;
    if (!reader) return cors(problem(401, "A personal API token of a county office user is needed.", { headers: { "WWW-Authenticate": 'Bearer realm="planregister"' } }));
    const limit = apiRateLimits().token;
    const hit = await hitRateLimit(queryRunner(client), `api:token:${reader.tokenId}`, limit, 60);
    if (!hit.allowed) return cors(problem(429, `More than ${limit} requests a minute. Wait ${hit.retryAfterSeconds} seconds.`, { headers: { "Retry-After": String(hit.retryAfterSeconds) } }));
    const query = countyFilterSchema.strict().safeParse(searchParamsObject(new URL(request.url).searchParams));
    if (!query.success) {
      const params = invalidParams(query.error);
      return cors(problem(400, `Bad query parameter: ${params?.map((p) => p.name).join(", ")}.`, { invalidParams: params }));
    }
    const tenant = await getTenant(client);
    if (tenant.kind !== "county") return cors(problem(404, "This host is not a county governor's office."));
    const figures = filterAndSort(await getCountyOverview(todayInOslo(), client), query.data);
    const body = JSON.stringify(countyJson({ number: tenant.countyNumber, name: tenant.countyName }, figures));
    return cors(new Response(body, { headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "private, no-cache" } }));
  } catch (error) {
    if (isDatabaseUnavailable(error)) return cors(problem(503, "The database does not answer. Try again shortly.", { headers: { "Retry-After": "5" } }));
    console.error("County API error", error);
    return cors(problem(500, "Something went wrong on our side."));
  }
}
