import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "./language-switch";

export async function SiteHeader() {
  const t = await getTranslations();
  return (
    <header className="no-print bg-brand-700 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3">
        <div className="flex flex-wrap items-center gap-6">
          <Link href="/plans" className="text-lg font-semibold text-white no-underline">
            {t("common.appName")}
          </Link>
          <nav aria-label={t("common.mainNav")}>
            <ul className="flex gap-4">
              <li>
                <Link href="/plans" className="text-white underline-offset-4 hover:underline">
                  {t("nav.plans")}
                </Link>
              </li>
            </ul>
          </nav>
        </div>
        <LanguageSwitch />
      </div>
    </header>
  );
}
