import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { LocaleProvider } from "@/components/layout/locale-context";
import { SkipLink } from "@/components/layout/skip-link";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: { default: t("common.appName"), template: `%s – ${t("common.appName")}` }, description: t("metadata.description") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen font-sans antialiased">
        {/* Every page has <main id="main">; the skip link is the first thing a keyboard reaches. */}
        <SkipLink />
        {/* No translations for the client here: forms get theirs from ClientMessages, the error page has its own. */}
        <LocaleProvider locale={locale === "en" ? "en" : "nb"}>{children}</LocaleProvider>
      </body>
    </html>
  );
}
