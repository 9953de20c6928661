import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { Pagination } from "@/components/ui/pagination";
import { ClientMessages } from "@/components/ui/client-messages";
import { MailLogTable } from "@/components/mail/mail-log-table";
import { TestMailForm } from "@/components/mail/test-mail-form";
import { requirePermission } from "@/lib/auth/guards";
import { mailConfig } from "@/lib/mail/config";
import { getMailLogPage } from "@/lib/mail/queries";
import { mailLogParamsSchema } from "@/lib/mail/schema";
import { mailStatuses } from "@/lib/mail/statuses";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("mailLog"))("title") };
}

export default async function MailLogPage({ searchParams }: Props) {
  const me = await requirePermission("mail.manage");
  const params = mailLogParamsSchema.parse(await searchParams);
  const log = await getMailLogPage(params);
  const t = await getTranslations("mailLog");
  const href = (page: number) => `/admin/mail?${new URLSearchParams({ ...(params.status ? { status: params.status } : {}), page: String(page) })}`;
  return (
    <>
      <PageHeader title={t("title")} lead={t("intro")} />
      {mailConfig().smtpUrl ? null : <p role="note" className="ds-alert mb-4" data-color="warning">{t("notConfigured")}</p>}
      <form method="get" className="mb-4 flex items-end gap-2">
        <div>
          <label htmlFor="mail-status" className="mb-1 block font-medium">{t("filter")}</label>
          <select id="mail-status" name="status" defaultValue={params.status ?? ""} className="ds-input w-auto">
            <option value="">{t("filterAll")}</option>
            {mailStatuses.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
          </select>
        </div>
        <button type="submit" className="ds-button" data-variant="secondary">{t("filterSubmit")}</button>
      </form>
      <p className="mb-3 text-sm text-gray-700" role="status">{t("count", { count: log.total })}</p>
      <MailLogTable rows={log.rows} />
      <Pagination page={log.page} pages={log.pages} href={href} />
      <Section id="test-mail" title={t("test.title")}>
        <ClientMessages namespaces={["mailLog"]}><TestMailForm defaultTo={me.email} /></ClientMessages>
      </Section>
    </>
  );
}
