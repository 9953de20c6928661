// The request-independent part of server actions: parse FormData with zod, run the work, turn
// every outcome into an ActionResult. Free of Next.js, so tests and fuzzers can drive it.
import type { z } from "zod";
import { DomainError } from "./errors";
import { isDatabaseUnavailable } from "./db-errors";
import { CONTROL_CHARACTERS, CONTROL_CHARACTERS_MULTI_LINE } from "./url-params";

export type ActionCode = "unauthorized" | "forbidden" | "invalid" | "conflict" | "not_found" | "locked" | "throttled" | "unavailable" | "error";

export type ActionResult<T = void> =
  | { ok: true; data: T; message?: string }
  | { ok: false; code: ActionCode; formError?: string; fieldErrors?: Record<string, string[]>; values?: Record<string, string>; details?: string[]; link?: { href: string; label: string } };

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
export function echo(input: Record<string, unknown>, withoutControls = false): Record<string, string> {
  const out: Record<string, string> = {};
  // Echoed back into the form as typed, minus the NUL bytes and such that were refused.
  const text = (v: string) => (withoutControls ? v.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "") : v).slice(0, 2000);
  for (const [key, value] of Object.entries(input)) {
    if (/password|token|current/i.test(key)) continue;
    if (typeof value === "string") out[key] = text(value);
    else if (Array.isArray(value)) value.slice(0, 200).forEach((v, i) => { if (typeof v === "string") out[`${key}.${i}`] = text(v); });
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

// The form fields that are <textarea>s: newline and tab are text there, control characters elsewhere.
const MULTI_LINE_FIELDS = new Set(["summary", "note"]);

// Every action refuses control characters before its schema runs: PostgreSQL cannot store a NUL
// byte, and nobody types a control character into a one-line field. Each field gets its error.
function controlCharacterErrors(raw: Record<string, unknown>, t: Translate): Record<string, string[]> | null {
  const errors: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(raw)) {
    const pattern = MULTI_LINE_FIELDS.has(key) ? CONTROL_CHARACTERS_MULTI_LINE : CONTROL_CHARACTERS;
    const values = Array.isArray(value) ? value : [value];
    values.forEach((v, i) => {
      if (typeof v === "string" && pattern.test(v)) errors[Array.isArray(value) ? `${key}.${i}` : key] = [t("validation.controlCharacters")];
    });
  }
  return Object.keys(errors).length ? errors : null;
}

/** Parses `raw` with `schema` and runs `fn`; known failures become messages, unknown ones are logged. */
export async function executeAction<S extends z.ZodType, T>(
  schema: S,
  raw: Record<string, unknown>,
  fn: (input: z.output<S>) => Promise<ActionResult<T>>,
  t: Translate,
): Promise<ActionResult<T>> {
  const parsed = schema.safeParse(raw);
  const controls = controlCharacterErrors(raw, t);
  if (controls) {
    // Together with the schema's own errors: every field's problem in one answer.
    const others = parsed.success ? {} : (validationFailure(parsed.error, raw, t) as { fieldErrors?: Record<string, string[]> }).fieldErrors;
    return { ok: false, code: "invalid", fieldErrors: { ...others, ...controls }, values: echo(raw, true), formError: t("validation.fixFields") };
  }
  if (!parsed.success) return validationFailure(parsed.error, raw, t);
  try {
    return await fn(parsed.data);
  } catch (error) {
    if (error instanceof DomainError) {
      const message = t(`errors.${error.messageKey}`, error.values);
      const fieldErrors = error.field ? { [error.field]: [message] } : undefined;
      const link = error.link ? { href: error.link.href, label: t(error.link.labelKey, error.link.values) } : undefined;
      return { ok: false, code: error.code, formError: message, fieldErrors, values: echo(raw), details: error.details, ...(link ? { link } : {}) };
    }
    if (isNextControlFlow(error)) throw error;
    return failure(error, raw, t);
  }
}

/** The answer for an unexpected error: "the database does not answer" when that is the cause. */
export function failure<T>(error: unknown, raw: Record<string, unknown>, t: Translate): ActionResult<T> {
  if (isDatabaseUnavailable(error)) {
    console.error("Database unavailable:", error instanceof Error ? error.message.split("\n").at(-1) : error);
    return { ok: false, code: "unavailable", formError: t("errors.unavailable"), values: echo(raw) };
  }
  console.error(error);
  return { ok: false, code: "error", formError: t("errors.unexpected"), values: echo(raw) };
}
