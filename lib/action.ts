// The one guarded, typed server-action wrapper: session and permission first, then zod on the
// FormData, then the work (lib/action-core.ts). Every outcome is an ActionResult the form shows.
import "server-only";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { can, type Permission } from "./permissions";
import { getCurrentUser, type CurrentUser } from "./auth/session";
import { executeAction, failure, formDataToObject, type ActionResult, type FormAction, type Translate } from "./action-core";

export type { ActionCode, ActionResult, FormAction } from "./action-core";

async function translator(): Promise<Translate> {
  return (await getTranslations()) as unknown as Translate;
}

/** A server action for signed-in users whose role has `permission`. */
export function authedAction<S extends z.ZodType, T = void>(
  permission: Permission,
  schema: S,
  fn: (input: z.output<S>, user: CurrentUser) => Promise<ActionResult<T>>,
): FormAction<T> {
  return async (_previous, formData) => {
    const t = await translator();
    const raw = formDataToObject(formData);
    // The session check reads the database too: if it does not answer, the form keeps its input.
    const user = await getCurrentUser().catch((error: unknown) => failure<T>(error, raw, t));
    if (user && "ok" in user) return user;
    if (!user) return { ok: false, code: "unauthorized", formError: t("errors.unauthorized") };
    if (!can(user.role, permission)) return { ok: false, code: "forbidden", formError: t("errors.forbidden") };
    return executeAction(schema, raw, (input) => fn(input, user), t);
  };
}

/** A server action open to signed-out visitors (sign-in, set password by link, language). */
export function publicAction<S extends z.ZodType, T = void>(
  schema: S,
  fn: (input: z.output<S>, user: CurrentUser | null) => Promise<ActionResult<T>>,
): FormAction<T> {
  return async (_previous, formData) => {
    const t = await translator();
    // getCurrentUser() runs inside executeAction, so a database that does not answer is a message.
    return executeAction(schema, formDataToObject(formData), async (input) => fn(input, await getCurrentUser()), t);
  };
}
