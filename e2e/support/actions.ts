// Calls a server action over HTTP the way React's client does (Next-Action header, arguments
// encoded as multipart form data), so tests can reach any action as any principal.
import type { APIRequestContext, APIResponse } from "@playwright/test";
import type { BuiltAction } from "./build-manifest";
import { SESSION_COOKIE } from "./db";
import { readE2eState } from "../state";

/** How the action is called: from useActionState (previous state, form) or as a plain form action. */
export type ActionShape = "state" | "form";

/** `path`: the page to post to, when not one the action is bundled with (Next.js runs it on any). */
export type CallOptions = { cookie?: string; origin?: string; forwardedFor?: string; baseUrl?: string; path?: string; headers?: Record<string, string> };

/** A page the action is bundled with, to post it to (dynamic segments filled with 1). */
export function postPath(action: BuiltAction): string {
  const page = action.pages.find((p) => !p.includes("[")) ?? action.pages[0] ?? "/login";
  return page.replace(/\[[^\]]+\]/g, "1");
}

export async function callAction(
  request: APIRequestContext,
  action: BuiltAction,
  shape: ActionShape,
  fields: Record<string, string>,
  options: CallOptions = {},
): Promise<APIResponse> {
  const formIndex = shape === "state" ? 1 : 0;
  // React prefixes a FormData argument's entries with "_<part id>_"; the root ("0") comes last,
  // as the browser sends it: Next.js resolves the arguments while it streams the body.
  // (A FormData, not an object: objects put the integer-like key "0" first.)
  const multipart = new FormData();
  for (const [key, value] of Object.entries(fields)) multipart.append(`_${formIndex}_${key}`, value);
  multipart.append("0", JSON.stringify(shape === "state" ? [null, `$K${formIndex}`] : [`$K${formIndex}`]));
  const path = `${options.baseUrl ?? ""}${options.path ?? postPath(action)}`;
  const headers: Record<string, string> = {
    "next-action": action.id,
    accept: "text/x-component",
    origin: options.origin ?? options.baseUrl ?? readE2eState().baseUrl,
    ...options.headers,
  };
  if (options.cookie) headers.cookie = `${SESSION_COOKIE}=${options.cookie}`;
  if (options.forwardedFor) headers["x-forwarded-for"] = options.forwardedFor;
  return request.post(path, { multipart, headers, maxRedirects: 0, failOnStatusCode: false });
}

/** The ActionResult code in an action's RSC answer, if any. */
export function resultCode(body: string): string | undefined {
  return /"code":"([a-z_]+)"/.exec(body)?.[1];
}
