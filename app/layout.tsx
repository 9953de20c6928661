import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/ui/client-messages";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: { default: t("common.appName"), template: `%s – ${t("common.appName")}` }, description: t("metadata.description") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-gray-50 font-sans text-gray-900 antialiased">
        {/* Only what every page's client parts need (the error page); forms get theirs from ClientMessages. */}
        <ClientMessages namespaces={["error"]}>{children}</ClientMessages>
      </body>
    </html>
  );
}
