"use server";
// The account page's API-token actions: any signed-in user, for their own tokens only.
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { authedAction } from "../action";
import { DomainError } from "../errors";
import { createApiToken, revokeApiToken } from "./mutations";
import { createApiTokenSchema, revokeApiTokenSchema } from "./schema";

export const createApiTokenAction = authedAction("account.self", createApiTokenSchema, async (input, user) => {
  const { token } = await createApiToken(user.id, input);
  revalidatePath("/account");
  // Shown once, here: only its hash is kept.
  return { ok: true, data: { token }, message: (await getTranslations("apiTokens"))("created") };
});

export const revokeApiTokenAction = authedAction("account.self", revokeApiTokenSchema, async ({ id }, user) => {
  if (!(await revokeApiToken(user.id, id))) throw new DomainError("not_found", "notFound");
  revalidatePath("/account");
  return { ok: true, data: undefined, message: (await getTranslations("apiTokens"))("revoked") };
});
