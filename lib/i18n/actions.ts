"use server";
// Choosing the UI language is open to everyone (also signed-out visitors): it only sets a cookie.
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { isLocale, localeCookie } from "./config";
import { secureCookies } from "../auth/settings";

export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(localeCookie, locale, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365, httpOnly: true, secure: secureCookies() });
  revalidatePath("/", "layout");
}
