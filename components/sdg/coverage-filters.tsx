import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FilterSelect } from "@/components/ui/filter-select";
import { planTypes } from "@/lib/plans/schema";
import type { SdgCoverageParams } from "@/lib/sdg/schema";

/** Plan type and unit as a GET form, so a filtered matrix is a URL that can be shared. */
export async function CoverageFilters({ params, units }: { params: SdgCoverageParams; units: string[] }) {
  const t = await getTranslations("sdgCoverage");
  const tEnum = await getTranslations("enums");
  return (
    <form method="get" action="/sdg" role="search" className="no-print mb-6 rounded border border-gray-300 bg-white p-4">
      <fieldset>
        <legend className="mb-2 font-medium">{t("filters")}</legend>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <FilterSelect idPrefix="sdg" name="type" label={t("type")} value={params.type[0] ?? ""} anyLabel={t("any")} options={planTypes.map((v) => ({ value: v, label: tEnum(`planType.${v}`) }))} />
          <FilterSelect idPrefix="sdg" name="unit" label={t("unit")} value={params.unit ?? ""} anyLabel={t("any")} options={units.map((u) => ({ value: u, label: u }))} />
          <div className="flex items-end gap-3">
            <button type="submit" className="ds-button" data-variant="primary">{t("filterSubmit")}</button>
            <Link href="/sdg" className="ds-button" data-variant="secondary">{t("reset")}</Link>
          </div>
        </div>
      </fieldset>
    </form>
  );
}
