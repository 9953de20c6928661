// The request-independent part of server actions: parse FormData with zod, run the work, turn
// every outcome into an ActionResult. Free of Next.js, so tests and fuzzers can drive it.
import type { z } from "zod";
import { DomainError } from "./errors";

export type ActionCode = "unauthorized" | "forbidden" | "invalid" | "conflict" | "not_found" | "locked" | "error";

export type ActionResult<T = void> =
  | { ok: true; data: T; message?: string }
  | { ok: false; code: ActionCode; formError?: string; fieldErrors?: Record<string, string[]>; values?: Record<string, string>; details?: string[] };

/** A server action as useActionState calls it. */
export type FormAction<T> = (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;

/** A translator over the whole message tree ("validation.required"). */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** FormData as a plain object: repeated keys become arrays; files are dropped. */
export function formDataToObject(formData: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = formData.getAll(key).filter((v): v is string => typeof v === "string");
    out[key] = values.length > 1 ? values : (values[0] ?? "");
  }
  return out;
}

// Typed values go back to the form (React resets uncontrolled forms), never secrets; repeated
// fields come back as "name.0", "name.1", … so list editors can show them again.
function echo(input: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(input)) {
    if (/password|token|current/i.test(key)) continue;
    if (typeof value === "string") out[key] = value.slice(0, 2000);
    else if (Array.isArray(value)) value.slice(0, 200).forEach((v, i) => { if (typeof v === "string") out[`${key}.${i}`] = v.slice(0, 2000); });
  }
  return out;
}

function issueMessage(issue: z.core.$ZodIssue, t: Translate): string {
  if (issue.message.startsWith("validation.")) return t(issue.message);
  switch (issue.code) {
    case "too_big":
      return t("validation.tooLong", { max: Number(issue.maximum) });
    case "too_small":
      return Number(issue.minimum) <= 1 ? t("validation.required") : t("validation.tooShort", { min: Number(issue.minimum) });
    case "invalid_format":
      return issue.format === "email" ? t("validation.email") : t("validation.invalid");
    case "invalid_type":
      return issue.input === undefined ? t("validation.required") : t("validation.invalid");
    default:
      return t("validation.invalid");
  }
}

function validationFailure<T>(error: z.ZodError, input: Record<string, unknown>, t: Translate): ActionResult<T> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = issue.path.length ? issue.path.map(String).join(".") : "form";
    const list = (fieldErrors[field] ??= []);
    const message = issueMessage(issue, t);
    if (!list.includes(message)) list.push(message);
  }
  return { ok: false, code: "invalid", fieldErrors, values: echo(input), formError: t("validation.fixFields") };
}

// redirect(), notFound() and forbidden() work by throwing; they must pass through.
function isNextControlFlow(error: unknown): boolean {
  const digest = typeof error === "object" && error !== null && "digest" in error ? String(error.digest) : "";
  return digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK");
}

/** Parses `raw` with `schema` and runs `fn`; known failures become messages, unknown ones are logged. */
export async function executeAction<S extends z.ZodType, T>(
  schema: S,
  raw: Record<string, unknown>,
  fn: (input: z.output<S>) => Promise<ActionResult<T>>,
  t: Translate,
): Promise<ActionResult<T>> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return validationFailure(parsed.error, raw, t);
  try {
    return await fn(parsed.data);
  } catch (error) {
    if (error instanceof DomainError) {
      const message = t(`errors.${error.messageKey}`, error.values);
      const fieldErrors = error.field ? { [error.field]: [message] } : undefined;
      return { ok: false, code: error.code, formError: message, fieldErrors, values: echo(raw), details: error.details };
    }
    if (isNextControlFlow(error)) throw error;
    console.error(error);
    return { ok: false, code: "error", formError: t("errors.unexpected"), values: echo(raw) };
  }
}
