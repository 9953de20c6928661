"use client";
// The one client part of every page's shell, kept small (first-load JavaScript budget):
// - the UI language for the few client parts that must not pull the i18n library into every page
//   (the error page): a context holding "nb" or "en", set by the root layout;
// - the phone menu (a <details> in the header, which opens and closes without JavaScript) is closed
//   when the path changes, since the header stays mounted across client-side navigation, and on
//   Escape (focus back on the menu button). Here rather than in a module of its own: one module less.
import { usePathname } from "next/navigation";
import { createContext, useEffect, type ReactNode } from "react";

export const LocaleContext = createContext<"nb" | "en">("nb");

export function LocaleProvider({ locale, children }: { locale: "nb" | "en"; children: ReactNode }) {
  const pathname = usePathname();
  useEffect(() => {
    const details = document.querySelector<HTMLDetailsElement>("details.menu-toggle");
    if (!details) return;
    details.open = false;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape" || !details.open) return;
      details.open = false;
      details.querySelector("summary")?.focus();
    };
    details.addEventListener("keydown", onKey);
    return () => details.removeEventListener("keydown", onKey);
  }, [pathname]);
  return <LocaleContext value={locale}>{children}</LocaleContext>;
}
