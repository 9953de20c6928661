"use server";
// User administration actions: admin only (permission "user.manage"), checked by authedAction.
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { authedAction } from "../action";
import { passwordLinkPath } from "../auth/password-tokens";
import { changeRole, createUser, resetPassword, setActive } from "./mutations";
import { changeRoleSchema, createUserSchema, userIdSchema, deactivateSchema } from "./schema";

export type LinkResult = { userId: number; name: string; linkPath: string };

export const createUserAction = authedAction("user.manage", createUserSchema, async (input, actor) => {
  const { user, token } = await createUser(actor.id, input);
  revalidatePath("/admin/users", "layout");
  const t = await getTranslations("users.create");
  return { ok: true, data: { userId: user.id, name: user.name, linkPath: passwordLinkPath(token) } satisfies LinkResult, message: t("created") };
});

export const changeRoleAction = authedAction("user.manage", changeRoleSchema, async ({ userId, role }, actor) => {
  await changeRole(actor.id, userId, role);
  revalidatePath("/admin/users", "layout");
  return { ok: true, data: undefined, message: (await getTranslations("users.detail"))("roleSaved") };
});

export const deactivateUserAction = authedAction("user.manage", deactivateSchema, async ({ userId }, actor) => {
  await setActive(actor.id, userId, false);
  revalidatePath("/admin/users", "layout");
  return { ok: true, data: undefined, message: (await getTranslations("users.detail"))("deactivated") };
});

export const reactivateUserAction = authedAction("user.manage", userIdSchema, async ({ userId }, actor) => {
  await setActive(actor.id, userId, true);
  revalidatePath("/admin/users", "layout");
  return { ok: true, data: undefined, message: (await getTranslations("users.detail"))("reactivated") };
});

export const resetPasswordAction = authedAction("user.manage", userIdSchema, async ({ userId }, actor) => {
  const { user, token } = await resetPassword(actor.id, userId);
  revalidatePath("/admin/users", "layout");
  return {
    ok: true,
    data: { userId: user.id, name: user.name, linkPath: passwordLinkPath(token) } satisfies LinkResult,
    message: (await getTranslations("users.detail"))("resetDone"),
  };
});
