"use client";
// The header stays mounted across client-side navigation, so an open menu (a <details>) would stay
// open over the next page. This closes it when the path changes, and on Escape (focus back on the
// menu button). Everything else about the menu works without JavaScript.
import { usePathname } from "next/navigation";
import { useEffect } from "react";

const menu = () => document.querySelector<HTMLDetailsElement>("details.menu-toggle");

export function MenuCloser() {
  const pathname = usePathname();
  useEffect(() => {
    menu()?.removeAttribute("open");
  }, [pathname]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const details = menu();
      if (e.key !== "Escape" || !details?.open || !details.contains(document.activeElement)) return;
      details.open = false;
      details.querySelector("summary")?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  return null;
}
