"use server";
// Sign-in, sign-out and password actions. Each checks its own preconditions: these are public
// (sign-in, set password by one-time link) or need only a session (change password, sign out).
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { authedAction, publicAction, type ActionResult } from "../action";
import { requestClientAddress } from "./client-address";
import { safeNext } from "./safe-next";
import { changePasswordSchema, setPasswordSchema, signInSchema } from "./schema";
import { attemptPasswordSignIn, signInRateWait } from "./sign-in";
import { changeOwnPassword, endSession, setPasswordWithToken } from "./mutations";
import { clearSessionCookie, getCurrentUser, setSessionCookie } from "./session";

const signInWithPassword = publicAction(signInSchema, async ({ email, password, next }) => {
  const ip = requestClientAddress(await headers());
  const outcome = await attemptPasswordSignIn(email, password, ip);
  const t = await getTranslations("errors");
  if (outcome.status === "locked") return { ok: false, code: "locked", formError: t("locked") };
  if (outcome.status === "throttled") return { ok: false, code: "throttled", formError: t("throttled", { seconds: outcome.retryAfterSeconds }) };
  // The same answer for an unknown e-mail and a wrong password, and no echo of what was typed.
  if (outcome.status === "invalid") return { ok: false, code: "unauthorized", formError: t("invalidCredentials") };
  await setSessionCookie(outcome.token, outcome.expiresAt);
  redirect(safeNext(next));
});

/**
 * Every sign-in post is counted per client address before anything else (even parsing), on
 * whatever page it was posted to: Next.js runs the action on any (decision 039).
 */
export async function signInAction(previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const wait = await signInRateWait(requestClientAddress(await headers()));
  if (wait > 0) return { ok: false, code: "throttled", formError: (await getTranslations("edge"))("tooManySignIns", { seconds: wait }) };
  return signInWithPassword(previous, formData);
}

export async function signOutAction(): Promise<void> {
  const user = await getCurrentUser();
  if (user) await endSession(user.sessionId, user.id);
  await clearSessionCookie();
  redirect("/login?signedOut=1");
}

export const setPasswordAction = publicAction(setPasswordSchema, async ({ token, password }) => {
  await setPasswordWithToken(token, password);
  return { ok: true, data: undefined, message: (await getTranslations("auth.setPassword"))("done") };
});

export const changePasswordAction = authedAction("account.self", changePasswordSchema, async ({ current, password }, user) => {
  const session = await changeOwnPassword(user.id, current, password);
  await setSessionCookie(session.token, session.expiresAt);
  return { ok: true, data: undefined, message: (await getTranslations("account"))("changed") };
});
