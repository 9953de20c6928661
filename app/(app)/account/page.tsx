import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { CalendarSection } from "@/components/account/calendar-section";
import { requirePermission } from "@/lib/auth/guards";
import { getUser } from "@/lib/users/queries";
import { getCalendarLink } from "@/lib/calendar/queries";
import { ClientMessages } from "@/components/ui/client-messages";
import { MailPreferencesForm } from "@/components/account/mail-preferences-form";
import { getMailPreferences } from "@/lib/mail/queries";
import { ApiTokenSection } from "@/components/account/api-token-section";
import { listApiTokens } from "@/lib/api-tokens/mutations";
import { OtherTenantsSection } from "@/components/account/other-tenants-section";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

export default async function AccountPage() {
  const me = await requirePermission("account.self");
  const user = await getUser(me.id);
  const calendarLink = await getCalendarLink(me.id);
  const mailPrefs = await getMailPreferences(me.id);
  const apiTokens = await listApiTokens(me.id);
  const t = await getTranslations("account");
  const tRole = await getTranslations("enums.role");
  return (
    <>
      <PageHeader title={t("title")} />
      <dl className="grid max-w-xl grid-cols-3 gap-2 rounded border border-[var(--ds-color-neutral-border-subtle)] bg-[var(--ds-color-neutral-background-default)] p-4">
        <dt className="font-medium text-gray-700">{t("name")}</dt><dd className="col-span-2">{me.name}</dd>
        <dt className="font-medium text-gray-700">{t("email")}</dt><dd className="col-span-2">{me.email}</dd>
        <dt className="font-medium text-gray-700">{t("role")}</dt><dd className="col-span-2">{tRole(me.role)}</dd>
      </dl>
      <Section id="password" title={t("changePassword")}>
        {user?.passwordHash ? <ClientMessages namespaces={["account"]}><ChangePasswordForm /></ClientMessages> : <p className="text-gray-700">{t("ssoOnly")}</p>}
      </Section>
      <CalendarSection createdAt={calendarLink?.createdAt ?? null} />
      {mailPrefs ? (
        <Section id="mail" title={(await getTranslations("mailPrefs"))("title")}>
          <p className="mb-4 max-w-2xl text-gray-800">{(await getTranslations("mailPrefs"))("intro")}</p>
          <ClientMessages namespaces={["mailPrefs", "common"]}><MailPreferencesForm prefs={mailPrefs} weeklyDigest={me.role !== "viewer"} /></ClientMessages>
        </Section>
      ) : null}
      <ApiTokenSection tokens={apiTokens} now={new Date()} />
      <OtherTenantsSection userId={me.id} />
    </>
  );
}
