"use client";
import { useContext, useTransition } from "react";
import { useRouter } from "next/navigation";
import { LocaleContext } from "@/components/layout/locale-context";

// Its own few words instead of the i18n library: this component is part of every page's
// JavaScript, and next-intl's client would add ~12 kB to each.
const texts = {
  nb: { title: "Noe gikk galt", body: "Siden kunne ikke vises. Prøv igjen om litt.", retry: "Prøv igjen" },
  en: { title: "Something went wrong", body: "The page could not be shown. Please try again shortly.", retry: "Try again" },
} as const;

// "Try again" must fetch the page again from the server (a database that was down may be back):
// reset() alone only re-renders what the browser already has.
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = texts[useContext(LocaleContext)];
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-16">
      <h1 className="text-3xl font-semibold">{t.title}</h1>
      <p className="mt-4 text-gray-700">{t.body}</p>
      <button type="button" onClick={retry} disabled={pending} className="mt-6 rounded bg-brand-700 px-4 py-2 text-white disabled:opacity-70">
        {t.retry}
      </button>
    </main>
  );
}
