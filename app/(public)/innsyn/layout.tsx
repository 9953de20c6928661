import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { getSettings } from "@/lib/settings";

export async function generateMetadata(): Promise<Metadata> {
  const { municipalityName } = await getSettings();
  const t = await getTranslations("innsyn.layout");
  const title = municipalityName ? t("title", { municipality: municipalityName }) : t("titleNoName");
  return { title: { default: title, template: `%s – ${title}` }, robots: { index: true, follow: true } };
}

const navLink = "text-white underline-offset-4 hover:underline";

export default async function InnsynLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations("innsyn.layout");
  const tCommon = await getTranslations("common");
  const { municipalityName } = await getSettings();
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-brand-700">
        {tCommon("skipToContent")}
      </a>
      <header className="no-print bg-brand-700 text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3">
          <div className="flex flex-wrap items-center gap-6">
            <Link href="/innsyn" className="text-lg font-semibold text-white no-underline">{municipalityName ? t("title", { municipality: municipalityName }) : t("titleNoName")}</Link>
            <nav aria-label={tCommon("mainNav")}>
              <ul className="flex flex-wrap gap-4">
                <li><Link href="/innsyn" className={navLink}>{t("nav.plans")}</Link></li>
                <li><Link href="/innsyn/schedule" className={navLink}>{t("nav.schedule")}</Link></li>
                <li><Link href="/innsyn/strategy" className={navLink}>{t("nav.strategy")}</Link></li>
                <li><Link href="/innsyn/sdg" className={navLink}>{t("nav.sdg")}</Link></li>
              </ul>
            </nav>
          </div>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-8">{children}</main>
      <footer className="no-print border-t border-gray-300 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap gap-x-6 gap-y-2 px-4 py-4 text-sm">
          <Link href="/innsyn/accessibility" className="text-brand-700 underline">{t("footer.accessibility")}</Link>
          <Link href="/api/docs" className="text-brand-700 underline">{t("footer.api")}</Link>
          <span className="text-gray-700">{t("footer.licence")}</span>
        </div>
      </footer>
    </>
  );
}
