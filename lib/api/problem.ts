// Errors of the read API as application/problem+json (RFC 9457). Every answer that is not a
// success is one of these, with a title a developer can act on.
import { z } from "zod";

export const PROBLEM_TYPE = "application/problem+json";

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  invalidParams: z.array(z.strictObject({ name: z.string(), reason: z.string() })).optional().meta({ description: "The parameters that were refused (400)" }),
}).meta({ id: "Problem" });
export type Problem = z.output<typeof problemSchema>;

const TITLES: Record<number, string> = {
  400: "Bad request", 401: "Unauthorized", 403: "Forbidden", 404: "Not found", 406: "Not acceptable", 409: "Conflict", 423: "Locked", 429: "Too many requests", 500: "Internal error", 503: "Service unavailable",
};

/** A problem+json response. */
export function problem(status: number, detail: string, extra: { invalidParams?: Problem["invalidParams"]; headers?: Record<string, string> } = {}): Response {
  const body: Problem = { type: "about:blank", title: TITLES[status] ?? "Error", status, detail, ...(extra.invalidParams ? { invalidParams: extra.invalidParams } : {}) };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": PROBLEM_TYPE, "Cache-Control": "no-store", ...extra.headers },
  });
}

/** zod issues as RFC 9457 invalid-params, each naming its query parameter. */
export function invalidParams(error: z.ZodError): Problem["invalidParams"] {
  const out: NonNullable<Problem["invalidParams"]> = [];
  for (const issue of error.issues) {
    const names = issue.code === "unrecognized_keys" ? issue.keys : [String(issue.path[0] ?? "query")];
    const reason = issue.code === "unrecognized_keys" ? "unknown parameter" : issue.message;
    for (const name of names) out.push({ name: name.slice(0, 100), reason: reason.slice(0, 200) });
  }
  return out.slice(0, 20);
}
