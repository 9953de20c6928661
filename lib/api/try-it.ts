// The "try it" part of the API reference (/api/docs): a form per endpoint made from the OpenAPI
// document, and the redirect that turns a submitted form into the API's own URL. The form works
// without JavaScript (the browser shows the JSON); the page's script sends the same URL with fetch.
import "server-only";
import { z } from "zod";
import { openApiDocument } from "./openapi";
import { apiRoutes, type ApiRouteName } from "./routes";
import { invalidParams, problem } from "./problem";

/** One input of an endpoint's form. */
export type TryField = {
  name: string;
  in: "query" | "path";
  /** text: a free value (numbers too, so a reader can see the API refuse a bad one); select: one of; checks: any of. */
  kind: "text" | "select" | "checks";
  options: string[];
  /** An integer: the phone shows its number keyboard. */
  numeric: boolean;
  hint: string;
  required: boolean;
};

/** One endpoint with its form. */
export type TryOperation = { operation: ApiRouteName; path: string; summary: string; fields: TryField[]; responses: { status: string; description: string }[] };

type Schema = { type?: string; enum?: string[]; items?: { enum?: string[] }; minimum?: number; maximum?: number; exclusiveMinimum?: number; description?: string };
type Param = { name: string; in: "query" | "path"; description?: string; required?: boolean; schema?: Schema };
type Operation = { operationId: ApiRouteName; summary?: string; parameters?: Param[]; responses: Record<string, { description?: string }> };

function hintOf(p: Param): string {
  const s = p.schema ?? {};
  const low = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : undefined);
  const range = s.type === "integer" ? `integer${low !== undefined ? ` from ${low}` : ""}${s.maximum !== undefined ? ` to ${s.maximum}` : ""}` : "";
  // The description names the range where it matters; the bare range only stands in for a missing one.
  return [p.required ? "Required" : "", p.description ?? s.description ?? range].filter(Boolean).join(". ");
}

function fieldOf(p: Param): TryField {
  const s = p.schema ?? {};
  const kind = s.items?.enum ? "checks" : s.enum ? "select" : "text";
  return { name: p.name, in: p.in, kind, options: s.items?.enum ?? s.enum ?? [], numeric: s.type === "integer", hint: hintOf(p), required: p.required === true };
}

/** Every endpoint of the OpenAPI document with the inputs of its form, path parameters first. */
export function tryOperations(): TryOperation[] {
  const doc = openApiDocument() as unknown as { paths: Record<string, { get: Operation }> };
  return Object.entries(doc.paths).map(([path, { get }]) => ({
    operation: get.operationId,
    path,
    summary: get.summary ?? "",
    fields: (get.parameters ?? []).map(fieldOf).sort((a, b) => Number(a.in === "query") - Number(b.in === "query")),
    responses: Object.entries(get.responses).map(([status, r]) => ({ status, description: r.description ?? "" })),
  }));
}

const operationSchema = z.enum(Object.keys(apiRoutes) as [ApiRouteName, ...ApiRouteName[]]);

/**
 * A submitted form (?operation=…&field=…) as a redirect to the API's URL: empty fields are left
 * out, path parameters checked with the endpoint's own schema and put into the path; the query
 * goes through as sent, so the API itself answers a bad value (400 naming it). Without an
 * operation: back to the reference.
 */
export function tryItRedirect(search: URLSearchParams): Response {
  const raw = search.get("operation");
  if (raw === null || raw === "") return new Response(null, { status: 303, headers: { Location: "/api/docs" } });
  const operation = operationSchema.safeParse(raw);
  if (!operation.success) return problem(400, "Bad query parameter: operation.", { invalidParams: [{ name: "operation", reason: `one of ${operationSchema.options.join(", ")}` }] });
  const route = apiRoutes[operation.data];
  const pathNames = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  let path: string = route.path;
  if ("path" in route.route) {
    const values = Object.fromEntries(pathNames.map((n) => [n, search.get(n) ?? ""]));
    const parsed = route.route.path.safeParse(values);
    if (!parsed.success) {
      const params = invalidParams(parsed.error);
      return problem(400, `Bad path parameter: ${params?.map((p) => p.name).join(", ")}.`, { invalidParams: params });
    }
    const checked = parsed.data as Record<string, unknown>;
    path = path.replace(/\{(\w+)\}/g, (_, n: string) => encodeURIComponent(String(checked[n])));
  }
  const query = new URLSearchParams();
  for (const [name, value] of search) {
    if (name !== "operation" && !pathNames.includes(name) && value !== "") query.append(name, value);
  }
  const qs = query.toString();
  return new Response(null, { status: 303, headers: { Location: `/api/v1${path}${qs ? `?${qs}` : ""}`, "Cache-Control": "no-store" } });
}
