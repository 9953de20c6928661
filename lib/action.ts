// The one guarded, typed server-action wrapper: session and permission first, then zod on the
// FormData, then the work. Every outcome is an ActionResult the form can show.
import "server-only";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { can, type Permission } from "./permissions";
import { getCurrentUser, type CurrentUser } from "./auth/session";
import { DomainError } from "./errors";

export type ActionCode = "unauthorized" | "forbidden" | "invalid" | "conflict" | "not_found" | "locked" | "error";

export type ActionResult<T = void> =
  | { ok: true; data: T; message?: string }
  | { ok: false; code: ActionCode; formError?: string; fieldErrors?: Record<string, string[]>; values?: Record<string, string> };

export type FormAction<T> = (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;

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

// Typed values go back to the form (React resets uncontrolled forms), never secrets.
function echo(input: Record<string, string | string[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(input)) {
    if (/password|token/i.test(key) || Array.isArray(value)) continue;
    out[key] = value.slice(0, 2000);
  }
  return out;
}

type Translate = Awaited<ReturnType<typeof getTranslations<"validation">>>;

function issueMessage(issue: z.core.$ZodIssue, t: Translate): string {
  if (issue.message.startsWith("validation.")) return t(issue.message.slice("validation.".length) as Parameters<Translate>[0]);
  switch (issue.code) {
    case "too_big":
      return t("tooLong", { max: Number(issue.maximum) });
    case "too_small":
      return Number(issue.minimum) <= 1 ? t("required") : t("tooShort", { min: Number(issue.minimum) });
    case "invalid_format":
      return issue.format === "email" ? t("email") : t("invalid");
    case "invalid_type":
      return issue.input === undefined ? t("required") : t("invalid");
    default:
      return t("invalid");
  }
}

async function validationFailure<T>(error: z.ZodError, input: Record<string, string | string[]>): Promise<ActionResult<T>> {
  const t = await getTranslations("validation");
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    (fieldErrors[field] ??= []).push(issueMessage(issue, t));
  }
  return { ok: false, code: "invalid", fieldErrors, values: echo(input), formError: t("fixFields") };
}

async function run<S extends z.ZodType, T>(
  schema: S,
  formData: FormData,
  fn: (input: z.output<S>) => Promise<ActionResult<T>>,
): Promise<ActionResult<T>> {
  const raw = formDataToObject(formData);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return validationFailure(parsed.error, raw);
  try {
    return await fn(parsed.data);
  } catch (error) {
    const t = await getTranslations("errors");
    if (error instanceof DomainError) {
      const fieldErrors = error.field ? { [error.field]: [t(error.messageKey)] } : undefined;
      return { ok: false, code: error.code, formError: t(error.messageKey), fieldErrors, values: echo(raw) };
    }
    if (isNextControlFlow(error)) throw error;
    console.error(error);
    return { ok: false, code: "error", formError: t("unexpected"), values: echo(raw) };
  }
}

// redirect(), notFound() and forbidden() work by throwing; they must pass through.
function isNextControlFlow(error: unknown): boolean {
  const digest = typeof error === "object" && error !== null && "digest" in error ? String(error.digest) : "";
  return digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK");
}

/** A server action for signed-in users whose role has `permission`. */
export function authedAction<S extends z.ZodType, T = void>(
  permission: Permission,
  schema: S,
  fn: (input: z.output<S>, user: CurrentUser) => Promise<ActionResult<T>>,
): FormAction<T> {
  return async (_previous, formData) => {
    const user = await getCurrentUser();
    const t = await getTranslations("errors");
    if (!user) return { ok: false, code: "unauthorized", formError: t("unauthorized") };
    if (!can(user.role, permission)) return { ok: false, code: "forbidden", formError: t("forbidden") };
    return run(schema, formData, (input) => fn(input, user));
  };
}

/** A server action open to signed-out visitors (sign-in, set password by link, language). */
export function publicAction<S extends z.ZodType, T = void>(
  schema: S,
  fn: (input: z.output<S>, user: CurrentUser | null) => Promise<ActionResult<T>>,
): FormAction<T> {
  return async (_previous, formData) => run(schema, formData, async (input) => fn(input, await getCurrentUser()));
}
