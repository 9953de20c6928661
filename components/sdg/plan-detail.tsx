import { getTranslations } from "next-intl/server";
import { Pagination } from "@/components/ui/pagination";
import type { CoverageMatrixPage } from "@/lib/sdg/queries";
import { filterQuery, sdgPageHref, type SdgPageParams } from "@/lib/sdg/schema";
import { CoverageTable } from "./coverage-table";

/** The per-plan table, one page at a time, with the way to the next pages and to the whole list. */
export async function PlanDetail({ matrix, params }: { matrix: CoverageMatrixPage; params: SdgPageParams }) {
  const t = await getTranslations("sdgCoverage");
  const query = filterQuery(params);
  const from = matrix.offset + 1;
  return (
    <section id="sdg-plans" className="mt-8">
      <h2 className="mb-2 text-xl font-semibold text-gray-900">{t("plansTitle")}</h2>
      <div className="mb-3 flex flex-wrap items-baseline gap-x-6 gap-y-1">
        {matrix.pages > 1 ? <p>{t("range", { from, to: matrix.offset + matrix.rows.length, total: matrix.total })}</p> : null}
        {/* A file, not a page: a plain link so the browser downloads it. */}
        <a href={`/sdg/download${query}`} download className="ds-link no-print">{t("download")}</a>
      </div>
      <CoverageTable matrix={matrix} query={query} />
      <div className="no-print">
        <Pagination page={matrix.page} pages={matrix.pages} href={(page) => sdgPageHref(params, page)} />
      </div>
    </section>
  );
}
