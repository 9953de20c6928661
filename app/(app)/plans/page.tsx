import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { PlanTable } from "@/components/plans/plan-table";
import { PlanFilters } from "@/components/plans/plan-filters";
import { StatusCounts } from "@/components/plans/status-counts";
import { FilterPanel } from "@/components/ui/filter-panel";
import { listPlansPage, planListParamsSchema } from "@/lib/plans/list";
import { listHref } from "@/lib/plans/list-url";
import { requirePermission } from "@/lib/auth/guards";
import { can } from "@/lib/permissions";
import { cachedPageData } from "@/lib/page-data-cache";

// The download keeps the page's filters and sort; "?" or "&" before the format.
const exportSuffix = (params: Parameters<typeof listHref>[0], format: string) => `${listHref(params, { page: undefined }).includes("?") ? "&" : "?"}format=${format}`;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("plans.list");
  return { title: t("title") };
}

export default async function PlansPage({ searchParams }: Props) {
  const user = await requirePermission("plan.read");
  const params = planListParamsSchema.parse(await searchParams);
  const page = await cachedPageData({ page: "plans", role: user.role, locale: await getLocale(), params }, () => listPlansPage(params));
  const t = await getTranslations("plans");
  const active = [params.q, params.unit, params.owner, params.goal, params.required, params.due, params.archived].filter(Boolean).length + params.type.length + params.status.length;
  const filtered = active - (params.archived ? 1 : 0) > 0;
  const tImport = await getTranslations("import");
  const tSheet = await getTranslations("spreadsheet");
  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <PageHeader title={t("list.title")} lead={t("list.intro")} />
        {can(user.role, "plan.write") ? (
          <div className="flex flex-wrap items-center gap-4">
            <Link href="/plans/import" className="ds-link">{tImport("link")}</Link>
            <Link href="/plans/new" className="ds-button" data-variant="primary">{t("form.new")}</Link>
          </div>
        ) : null}
      </div>
      {/* The filters are many fields: keyboard users can jump past them to the plans. */}
      <a href="#results" className="sr-only focus:not-sr-only focus:mb-3 focus:inline-block focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-brand-700">{t("list.skipToResults")}</a>
      <FilterPanel label={(await getTranslations("common"))("filterToggle", { count: active })}>
        <PlanFilters audience="staff" params={params} choices={page} />
      </FilterPanel>
      <StatusCounts params={params} counts={page.statusCounts} />
      <p id="results" tabIndex={-1} className="mb-3 text-sm text-gray-700" role="status">{t("list.count", { count: page.total })}</p>
      {page.plans.length === 0 ? (
        <p className="rounded border border-[var(--ds-color-neutral-border-subtle)] bg-[var(--ds-color-neutral-background-tinted)] p-6">{filtered ? t("list.noMatch") : t("list.empty")}</p>
      ) : (
        <PlanTable audience="staff" plans={page.plans} params={{ ...params, page: page.page }} />
      )}
      <Pagination page={page.page} pages={page.pages} href={(p) => listHref(params, { page: p })} />
      {page.total > 0 ? (
        <p className="mt-4 flex flex-wrap gap-4 text-sm">
          <span>{tSheet("exportLabel")}:</span>
          <a href={listHref(params, { page: undefined }).replace("/plans", "/plans/export") + exportSuffix(params, "xlsx")} className="ds-link" download>{tSheet("exportXlsx")}</a>
          <a href={listHref(params, { page: undefined }).replace("/plans", "/plans/export") + exportSuffix(params, "csv")} className="ds-link" download>{tSheet("exportCsv")}</a>
        </p>
      ) : null}
    </>
  );
}
