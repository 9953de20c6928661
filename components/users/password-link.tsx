"use client";
import { useTranslations } from "next-intl";
import type { LinkResult } from "@/lib/users/actions";

/** The one-time set-password link, shown once to the admin to hand over. */
export function PasswordLink({ result, hours }: { result: LinkResult; hours: number }) {
  const t = useTranslations("users.link");
  const url = typeof window === "undefined" ? result.linkPath : new URL(result.linkPath, window.location.origin).toString();
  return (
    <section aria-labelledby="password-link-heading" className="mb-6 rounded border border-brand-700 bg-white p-4">
      <h2 id="password-link-heading" className="text-lg font-semibold">{t("title")}</h2>
      <p className="my-2 text-gray-800">{t("intro", { name: result.name, hours })}</p>
      <label htmlFor="password-link" className="mb-1 block font-medium">{t("label")}</label>
      <input id="password-link" readOnly value={url} className="block w-full rounded border border-gray-500 bg-gray-50 px-3 py-2 font-mono text-sm" onFocus={(e) => e.currentTarget.select()} />
    </section>
  );
}
