"use server";
// Choosing the UI language is open to everyone (also signed-out visitors): it only sets a cookie.
import { cookies } from "next/headers";
// refresh(), not revalidatePath("/", "layout"): that would expire every municipality's cached
// innsyn data, whose entries carry the paths they were made under (decision 057).
import { refresh } from "next/cache";
import { isLocale, localeCookie } from "./config";
import { secureCookies } from "../auth/settings";

export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(localeCookie, locale, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365, httpOnly: true, secure: secureCookies() });
  refresh();
}
