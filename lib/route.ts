// The one guarded route-handler wrapper, the counterpart of authedAction (lib/action.ts) for the
// signed-in downloads and documents: session and permission first, then zod on the path and the
// query, then the work. Every refusal is problem+json: 401, 403, a path that names nothing 404, a
// malformed query 400 naming its parameters, a known domain error its status, a database that
// does not answer 503; anything else is logged and answered 500 without detail.
import "server-only";
import { z } from "zod";
import { can, type Permission } from "./permissions";
import { getCurrentUser, type CurrentUser } from "./auth/session";
import { DomainError } from "./errors";
import { isDatabaseUnavailable } from "./db-errors";
import { parseId } from "./ids";
import { invalidParams, problem } from "./api/problem";
import { searchParamsObject } from "./public/params";
import type { ActionCode } from "./action-core";

/** What Next.js passes a route handler: the dynamic segments of its path. */
export type RouteContext = { params?: Promise<Record<string, string | string[] | undefined> | undefined> };

const noParams = z.object({});

/** A path segment `[id]` as a positive 32-bit id (anything else names no record: 404). */
export const idParamsSchema = z.object({
  id: z.string().transform((raw, ctx) => parseId(raw) ?? (ctx.addIssue({ code: "custom", message: "not an id" }), z.NEVER)),
});

const STATUS: Partial<Record<ActionCode, number>> = { invalid: 400, unauthorized: 401, forbidden: 403, not_found: 404, conflict: 409, locked: 423, throttled: 429, unavailable: 503 };

type RouteInput<Q extends z.ZodType, P extends z.ZodType> = { request: Request; user: CurrentUser; query: z.output<Q>; params: z.output<P> };

/** A route handler for signed-in users whose role has `permission`, with its path and query parsed by zod. */
export function authedRoute<Q extends z.ZodType = typeof noParams, P extends z.ZodType = typeof noParams>(
  permission: Permission,
  schemas: { query?: Q; params?: P },
  handler: (input: RouteInput<Q, P>) => Promise<Response>,
): (request: Request, context: RouteContext) => Promise<Response> {
  return async (request, context) => {
    try {
      const user = await getCurrentUser();
      if (!user) return problem(401, "Sign in first.");
      if (!can(user.role, permission)) return problem(403, "Your role may not do this.");
      // A route without dynamic segments gets no params object at all.
      const params = (schemas.params ?? noParams).safeParse((await context?.params) ?? {});
      if (!params.success) return problem(404, "Not found.");
      const query = (schemas.query ?? noParams).safeParse(searchParamsObject(new URL(request.url).searchParams));
      if (!query.success) return problem(400, "The query has parameters that cannot be read.", { invalidParams: invalidParams(query.error) });
      return await handler({ request, user, query: query.data as z.output<Q>, params: params.data as z.output<P> });
    } catch (error) {
      return routeFailure(error);
    }
  };
}

/** The answer to a failed route handler: a known domain error its status, anything else logged and a bare 500. */
function routeFailure(error: unknown): Response {
  if (error instanceof DomainError && STATUS[error.code]) return problem(STATUS[error.code]!, error.messageKey);
  if (isDatabaseUnavailable(error)) return problem(503, "The database does not answer. Try again shortly.", { headers: { "Retry-After": "5" } });
  console.error("Route handler error", error);
  return problem(500, "Something went wrong on our side.");
}
