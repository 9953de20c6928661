// The county list's filters: a GET form, so the view is in the URL and works without JavaScript.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FilterPanel } from "@/components/ui/filter-panel";
import { FilterSelect, filterControl } from "@/components/ui/filter-select";
import { strategyStates, type CountyFilter } from "@/lib/county/figures";

export async function CountyFilters({ filter }: { filter: CountyFilter }) {
  const t = await getTranslations("county.filters");
  const tState = await getTranslations("county.state");
  const active = [filter.q, filter.state, filter.overdue].filter(Boolean).length;
  return (
    <FilterPanel label={t("toggle", { count: active })} open={active > 0}>
      <form method="get" action="/county" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4 lg:items-end">
        <div className="ds-field">
          <label htmlFor="county-q" className="ds-label" data-weight="regular">{t("q")}</label>
          <input id="county-q" name="q" type="search" maxLength={100} defaultValue={filter.q ?? ""} className={filterControl} data-size="sm" />
        </div>
        <FilterSelect idPrefix="county" name="state" label={t("state")} value={filter.state ?? ""} anyLabel={t("any")} options={strategyStates.map((s) => ({ value: s, label: tState(s) }))} />
        <FilterSelect idPrefix="county" name="overdue" label={t("overdue")} value={filter.overdue ?? ""} anyLabel={t("any")} options={[{ value: "yes", label: t("overdueYes") }, { value: "no", label: t("overdueNo") }]} />
        <input type="hidden" name="sort" value={filter.sort} />
        <input type="hidden" name="dir" value={filter.dir} />
        <div className="flex gap-3">
          <button type="submit" className="ds-button" data-variant="primary" data-size="sm">{t("apply")}</button>
          <Link href="/county" className="ds-button" data-variant="tertiary" data-size="sm">{t("reset")}</Link>
        </div>
      </form>
    </FilterPanel>
  );
}
