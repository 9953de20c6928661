import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "./language-switch";
import { signOutAction } from "@/lib/auth/actions";
import { can } from "@/lib/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { getSettings } from "@/lib/settings";

const navLink = "text-white underline-offset-4 hover:underline";

export async function SiteHeader({ user }: { user: CurrentUser | null }) {
  const t = await getTranslations();
  // The municipality's name is the header's only local branding; a database that does not answer
  // must not take the header (and the sign-in page) down with it.
  const municipality = (await getSettings().catch(() => null))?.municipalityName;
  return (
    <header className="no-print bg-brand-700 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3">
        <div className="flex flex-wrap items-center gap-6">
          <Link href="/" className="text-lg font-semibold text-white no-underline">
            {t("common.appName")}
            {municipality ? <span className="ml-2 text-base font-normal">{municipality}</span> : null}
          </Link>
          {user ? (
            <nav aria-label={t("common.mainNav")}>
              <ul className="flex flex-wrap gap-4">
                <li><Link href="/" className={navLink}>{t("nav.overview")}</Link></li>
                <li><Link href="/plans" className={navLink}>{t("nav.plans")}</Link></li>
                <li><Link href="/schedule" className={navLink}>{t("nav.schedule")}</Link></li>
                <li><Link href="/periods" className={navLink}>{t("nav.periods")}</Link></li>
                <li><Link href="/sdg" className={navLink}>{t("nav.sdg")}</Link></li>
                {can(user.role, "user.manage") ? <li><Link href="/admin/users" className={navLink}>{t("nav.users")}</Link></li> : null}
                {can(user.role, "settings.manage") ? <li><Link href="/admin/settings" className={navLink}>{t("nav.settings")}</Link></li> : null}
                <li><Link href="/account" className={navLink}>{t("nav.account")}</Link></li>
              </ul>
            </nav>
          ) : null}
        </div>
        <div className="flex flex-wrap items-center gap-4">
          <LanguageSwitch />
          {user ? (
            <form action={signOutAction} className="flex items-center gap-3 text-sm">
              <span>{t("nav.signedInAs", { name: user.name })}</span>
              <button type="submit" className="rounded border border-white px-2 py-1 text-white hover:bg-brand-800">{t("nav.signOut")}</button>
            </form>
          ) : null}
        </div>
      </div>
    </header>
  );
}
