import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { CoverageFilters } from "@/components/sdg/coverage-filters";
import { CoverageSummary } from "@/components/sdg/coverage-summary";
import { CoverageTable } from "@/components/sdg/coverage-table";
import { FilterNotice } from "@/components/sdg/filter-notice";
import { getCoverageMatrix } from "@/lib/sdg/queries";
import { filterQuery, sdgCoverageParamsSchema } from "@/lib/sdg/schema";
import { requirePermission } from "@/lib/auth/guards";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("sdgCoverage");
  return { title: t("title") };
}

export default async function SdgCoveragePage({ searchParams }: Props) {
  await requirePermission("plan.read");
  const params = sdgCoverageParamsSchema.parse(await searchParams);
  const matrix = await getCoverageMatrix(params);
  const t = await getTranslations("sdgCoverage");
  const query = filterQuery(params);
  return (
    // 19 columns fit an A4 page only on its side: a named page (app/globals.css), so the
    // setting cannot outlive this page in the browser.
    <div className="print-landscape">
      <PageHeader title={t("title")} lead={t("intro")} />
      <CoverageFilters params={params} units={matrix.units} />
      <FilterNotice params={params} clearHref="/sdg" />
      <CoverageSummary matrix={matrix} query={query} />
      {matrix.rows.length === 0 ? (
        <p className="rounded border border-gray-300 bg-white p-6">{t("noPlans")}</p>
      ) : (
        <CoverageTable matrix={matrix} query={query} />
      )}
    </div>
  );
}
