"use server";
// Mail actions: one's own choices (account page), the admin's test mail, and the unsubscribe
// page's button (no sign-in: the signed token is the credential).
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { authedAction, publicAction } from "../action";
import { db } from "../db";
import { setMailPreferences, unsubscribe } from "./preferences";
import { mailPreferencesSchema, testMailSchema, unsubscribeSchema } from "./schema";
import { sendTestMail } from "./test-mail";
import { readUnsubscribeToken } from "./unsubscribe-token";

export const updateMailPreferencesAction = authedAction("account.self", mailPreferencesSchema, async (input, user) => {
  // Viewers do not get the weekly digest (it is for planning staff): never stored as on for them.
  const prefs = { ...input, mailWeeklyDigest: user.role === "viewer" ? false : input.mailWeeklyDigest };
  await setMailPreferences(db, user.id, prefs, user.id);
  revalidatePath("/account");
  return { ok: true, data: undefined, message: (await getTranslations("mailPrefs"))("saved") };
});

export const sendTestMailAction = authedAction("mail.manage", testMailSchema, async (input, user) => {
  const { result, error } = await sendTestMail(input.to, user);
  revalidatePath("/admin/mail");
  const t = await getTranslations("mailLog.test");
  if (result === "sent") return { ok: true, data: undefined, message: t("sent", { to: input.to }) };
  if (result === "not_sent") return { ok: true, data: undefined, message: t("notSent") };
  return { ok: false, code: "unavailable", formError: t("failed", { error: error ?? "" }), values: { to: input.to } };
});

export const unsubscribeAction = publicAction(unsubscribeSchema, async (input) => {
  const t = await getTranslations("unsubscribe");
  const target = readUnsubscribeToken(input.token);
  if (!target || !(await unsubscribe(db, target.userId, target.kind))) return { ok: false, code: "not_found", formError: t("invalid") };
  return { ok: true, data: undefined, message: t("done", { kind: t(`kind.${target.kind}`) }) };
});
