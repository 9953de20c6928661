import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { CoverageFilters } from "@/components/sdg/coverage-filters";
import { FilterPanel } from "@/components/ui/filter-panel";
import { CoverageSummary } from "@/components/sdg/coverage-summary";
import { FilterNotice } from "@/components/sdg/filter-notice";
import { PlanDetail } from "@/components/sdg/plan-detail";
import { TypeTable } from "@/components/sdg/type-table";
import { getCoverageMatrix } from "@/lib/sdg/queries";
import { filterQuery, sdgPageParamsSchema } from "@/lib/sdg/schema";
import { requirePermission } from "@/lib/auth/guards";
import { cachedPageData } from "@/lib/page-data-cache";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("sdgCoverage");
  return { title: t("title") };
}

export default async function SdgCoveragePage({ searchParams }: Props) {
  const user = await requirePermission("plan.read");
  const params = sdgPageParamsSchema.parse(await searchParams);
  const matrix = await cachedPageData({ page: "sdg", role: user.role, locale: await getLocale(), params }, () => getCoverageMatrix(params));
  const t = await getTranslations("sdgCoverage");
  const query = filterQuery(params);
  return (
    // 19 columns fit an A4 page only on its side: a named page (app/globals.css), so the
    // setting cannot outlive this page in the browser.
    <div className="print-landscape">
      <PageHeader title={t("title")} lead={t("intro")} />
      <FilterPanel label={(await getTranslations("common"))("filterToggle", { count: [params.unit].filter(Boolean).length + params.type.length })}>
        <CoverageFilters params={params} units={matrix.units} />
      </FilterPanel>
      <FilterNotice params={params} clearHref="/sdg" />
      <CoverageSummary matrix={matrix} query={query} />
      {matrix.total === 0 ? (
        <p className="rounded border border-[var(--ds-color-neutral-border-subtle)] bg-[var(--ds-color-neutral-background-tinted)] p-6">{t("noPlans")}</p>
      ) : (
        <>
          <h2 className="mb-2 text-xl font-semibold text-gray-900">{t("typesTitle")}</h2>
          <TypeTable matrix={matrix} params={params} query={query} />
          <PlanDetail matrix={matrix} params={params} />
        </>
      )}
    </div>
  );
}
