"use client";
// The UI language for the few client parts that must not pull the i18n library into every page
// (the error page): a context holding "nb" or "en", set by the root layout.
import { createContext, type ReactNode } from "react";

export const LocaleContext = createContext<"nb" | "en">("nb");

export function LocaleProvider({ locale, children }: { locale: "nb" | "en"; children: ReactNode }) {
  return <LocaleContext value={locale}>{children}</LocaleContext>;
}
