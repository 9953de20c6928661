import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "./language-switch";
import { signOutAction } from "@/lib/auth/actions";
import { can } from "@/lib/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { getSettings } from "@/lib/settings";

const navLink = "ds-link block py-2 no-underline hover:underline lg:py-0";

/**
 * The page header. On narrow screens the navigation, language and sign-out sit behind a menu
 * button (a <details>, so it opens without JavaScript and the browser reports it as expanded or
 * collapsed); from 64rem the same markup is shown open in one row (app/globals.css, .menu-toggle).
 */
export async function SiteHeader({ user }: { user: CurrentUser | null }) {
  const t = await getTranslations();
  // The municipality's name is the header's only local branding; a database that does not answer
  // must not take the header (and the sign-in page) down with it.
  const municipality = (await getSettings().catch(() => null))?.municipalityName;
  return (
    <header className="no-print border-b border-[var(--ds-color-neutral-border-subtle)] bg-[var(--ds-color-neutral-background-default)]">
      <div className="relative mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-2 lg:py-3">
        <Link href="/" className="ds-link flex flex-col leading-tight no-underline" data-color="neutral">
          {municipality ? <span className="text-sm">{municipality}</span> : null}
          <span className="text-lg font-semibold">{t("common.appName")}</span>
        </Link>
        <details className="menu-toggle lg:flex-1">
          <summary className="ds-button cursor-pointer" data-variant="secondary" data-size="sm">
            <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
              <path d="M4 6h16M4 12h16M4 18h16" />
            </svg>
            {t("nav.menu")}
          </summary>
          <div className="absolute inset-x-0 top-full z-40 border-b border-[var(--ds-color-neutral-border-subtle)] bg-[var(--ds-color-neutral-background-default)] px-4 pb-4 shadow-md lg:static lg:flex lg:flex-wrap lg:items-center lg:justify-between lg:gap-x-6 lg:gap-y-2 lg:border-0 lg:p-0 lg:pl-6 lg:shadow-none">
            {user ? (
              <nav aria-label={t("common.mainNav")}>
                <ul className="flex flex-col lg:flex-row lg:flex-wrap lg:gap-x-5 lg:gap-y-1">
                  {can(user.role, "plan.read") ? (
                    <>
                    <li><Link href="/" className={navLink} data-color="neutral">{t("nav.overview")}</Link></li>
                    <li><Link href="/plans" className={navLink} data-color="neutral">{t("nav.plans")}</Link></li>
                    <li><Link href="/schedule" className={navLink} data-color="neutral">{t("nav.schedule")}</Link></li>
                    <li><Link href="/periods" className={navLink} data-color="neutral">{t("nav.periods")}</Link></li>
                    <li><Link href="/sdg" className={navLink} data-color="neutral">{t("nav.sdg")}</Link></li>
                    {can(user.role, "user.manage") ? <li><Link href="/admin/users" className={navLink} data-color="neutral">{t("nav.users")}</Link></li> : null}
                    {can(user.role, "settings.manage") ? <li><Link href="/admin/settings" className={navLink} data-color="neutral">{t("nav.settings")}</Link></li> : null}
                    {can(user.role, "mail.manage") ? <li><Link href="/admin/mail" className={navLink} data-color="neutral">{t("nav.mail")}</Link></li> : null}
                    </>
                  ) : null}
                  {can(user.role, "county.read") ? <li><Link href="/county" className={navLink} data-color="neutral">{t("nav.county")}</Link></li> : null}
                  {can(user.role, "tenant.manage") ? <li><Link href="/operator" className={navLink} data-color="neutral">{t("nav.operator")}</Link></li> : null}
                  {can(user.role, "account.self") ? <li><Link href="/account" className={navLink} data-color="neutral">{t("nav.account")}</Link></li> : null}
                </ul>
              </nav>
            ) : null}
            <div className="mt-3 flex flex-col gap-3 border-t border-[var(--ds-color-neutral-border-subtle)] pt-3 lg:mt-0 lg:flex-row lg:flex-wrap lg:items-center lg:gap-4 lg:border-0 lg:pt-0">
              <LanguageSwitch />
              {user ? (
                <form action={signOutAction} className="flex flex-wrap items-center gap-3 text-sm">
                  <span>{t("nav.signedInAs", { name: user.name })}</span>
                  <button type="submit" className="ds-button" data-variant="secondary" data-size="sm">{t("nav.signOut")}</button>
                </form>
              ) : null}
            </div>
          </div>
        </details>
      </div>
    </header>
  );
}
