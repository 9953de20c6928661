"use server";
// The account page's calendar-link actions: any signed-in user, for their own link only.
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { authedAction } from "../action";
import { emptySchema } from "../auth/schema";
import { appBaseUrl } from "../app-base-url";
import { renewCalendarLink, revokeCalendarLink } from "./mutations";
import { calendarFeedPath } from "./schema";

export const renewCalendarLinkAction = authedAction("account.self", emptySchema, async (_input, user) => {
  const { token, replaced } = await renewCalendarLink(user.id);
  revalidatePath("/account");
  const t = await getTranslations("calendar");
  // Absolute, as calendar apps need it; shown once (only the hash is kept).
  const url = `${await appBaseUrl(await headers())}${calendarFeedPath(token)}`;
  return { ok: true, data: { url }, message: t(replaced ? "renewed" : "created") };
});

export const revokeCalendarLinkAction = authedAction("account.self", emptySchema, async (_input, user) => {
  await revokeCalendarLink(user.id);
  revalidatePath("/account");
  return { ok: true, data: undefined, message: (await getTranslations("calendar"))("revoked") };
});
