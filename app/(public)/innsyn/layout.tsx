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

const navLink = "ds-link no-underline hover:underline";

export default async function InnsynLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations("innsyn.layout");
  const tCommon = await getTranslations("common");
  const { municipalityName } = await getSettings();
  return (
    <>
      {/* The skip link to #main is the root layout's (components/layout/skip-link.tsx). */}
      <header className="no-print border-b border-[var(--ds-color-neutral-border-subtle)] bg-[var(--ds-color-neutral-background-default)]">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3">
          <div className="flex flex-wrap items-center gap-6">
            <Link href="/innsyn" className="ds-link text-lg font-semibold no-underline" data-color="neutral">{municipalityName ? t("title", { municipality: municipalityName }) : t("titleNoName")}</Link>
            <nav aria-label={tCommon("mainNav")}>
              <ul className="flex flex-wrap gap-4">
                <li><Link href="/innsyn" className={navLink} data-color="neutral">{t("nav.plans")}</Link></li>
                <li><Link href="/innsyn/consultations" className={navLink} data-color="neutral">{t("nav.consultations")}</Link></li>
                <li><Link href="/innsyn/schedule" className={navLink} data-color="neutral">{t("nav.schedule")}</Link></li>
                <li><Link href="/innsyn/strategy" className={navLink} data-color="neutral">{t("nav.strategy")}</Link></li>
                <li><Link href="/innsyn/sdg" className={navLink} data-color="neutral">{t("nav.sdg")}</Link></li>
              </ul>
            </nav>
          </div>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-8">{children}</main>
      <footer className="no-print border-t border-gray-300 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap gap-x-6 gap-y-2 px-4 py-4 text-sm">
          <Link href="/innsyn/accessibility" className="ds-link">{t("footer.accessibility")}</Link>
          <Link href="/api/docs" className="ds-link">{t("footer.api")}</Link>
          <span className="text-gray-700">{t("footer.licence")}</span>
        </div>
      </footer>
    </>
  );
}
