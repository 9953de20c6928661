import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { TenantTable } from "@/components/operator/tenant-table";
import { listTenants, requireOperator, TENANTS_PAGE_SIZE } from "@/lib/tenants/queries";
import { tenantSearchSchema } from "@/lib/tenants/schema";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("operator"))("title") };
}

export default async function OperatorPage({ searchParams }: Props) {
  await requireOperator();
  const { q, page } = tenantSearchSchema.parse(await searchParams);
  const { total, tenants } = await listTenants(q, page);
  const pages = Math.max(1, Math.ceil(total / TENANTS_PAGE_SIZE));
  const t = await getTranslations("operator");
  const href = (p: number) => `/operator?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;
  return (
    <>
      <PageHeader title={t("title")} lead={t("intro")} />
      <div className="mb-4 flex flex-wrap items-end justify-between gap-4">
        <form method="get" role="search" className="flex items-end gap-2">
          <div>
            <label htmlFor="tenant-search" className="mb-1 block font-medium">{t("search")}</label>
            <input id="tenant-search" name="q" type="search" defaultValue={q} className="ds-input" />
          </div>
          <button type="submit" className="ds-button" data-variant="secondary">{t("searchSubmit")}</button>
        </form>
        <Link href="/operator/new" className="ds-button" data-variant="primary">{t("new")}</Link>
      </div>
      <p className="mb-3 text-sm" role="status">{t("count", { count: total })}</p>
      <TenantTable tenants={tenants} />
      <Pagination page={Math.min(page, pages)} pages={pages} href={href} />
    </>
  );
}
