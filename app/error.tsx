"use client";
import { useContext } from "react";
import { LocaleContext } from "@/components/layout/locale-context";

// Its own few words instead of the i18n library: this component is part of every page's
// JavaScript, and next-intl's client would add ~12 kB to each.
const texts = {
  nb: { title: "Noe gikk galt", body: "Siden kunne ikke vises. Prøv igjen om litt.", retry: "Prøv igjen" },
  en: { title: "Something went wrong", body: "The page could not be shown. Please try again shortly.", retry: "Try again" },
} as const;

// "Try again" must fetch the page again from the server (a database that was down may be back):
// reset() alone only re-renders what the browser already has. A reload does, in fewer bytes than
// the router (this file is in every page's first-load JavaScript).
export default function ErrorPage() {
  const t = texts[useContext(LocaleContext)];
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-16">
      <h1 className="ds-heading" data-size="lg">{t.title}</h1>
      <p className="ds-paragraph mt-4">{t.body}</p>
      <button type="button" onClick={() => location.reload()} className="ds-button mt-6">
        {t.retry}
      </button>
    </main>
  );
}
