import { getTranslations } from "next-intl/server";
import { FilterSelect, filterControl } from "@/components/ui/filter-select";
import { draftSorts, UNDECIDED, type DraftParams } from "@/lib/periods/draft/schema";
import { planTypes, strategyDecisionKinds } from "@/lib/plans/schema";

/** The draft table's filter and sort, as a GET form (the view is in the URL). */
export async function DraftFilters({ periodId, params, units, years }: { periodId: number; params: DraftParams; units: string[]; years: number[] }) {
  const t = await getTranslations("periods.draft");
  const tEnum = await getTranslations("enums");
  return (
    <form method="get" action={`/periods/${periodId}`} className="no-print mb-4 grid grid-cols-1 items-end gap-3 rounded border border-[var(--ds-color-neutral-border-subtle)] bg-[var(--ds-color-neutral-background-default)] p-3 sm:grid-cols-3 lg:grid-cols-7" aria-label={t("filterLabel")}>
      <div>
        <label htmlFor="draft-q" className="mb-1 block text-sm">{t("filter.q")}</label>
        <input id="draft-q" name="q" type="search" defaultValue={params.q ?? ""} maxLength={200} className={filterControl} />
      </div>
      <FilterSelect idPrefix="draft" name="decision" label={t("columns.decision")} value={params.decision ?? ""} anyLabel={t("filter.all")}
        options={[{ value: UNDECIDED, label: t("undecided") }, { value: "flagged", label: t("flagged") }, ...strategyDecisionKinds.map((k) => ({ value: k, label: tEnum(`strategyDecision.${k}`) }))]} />
      <FilterSelect idPrefix="draft" name="unit" label={t("columns.unit")} value={params.unit ?? ""} anyLabel={t("filter.all")} options={units.map((u) => ({ value: u, label: u }))} />
      <FilterSelect idPrefix="draft" name="type" label={t("columns.type")} value={params.type ?? ""} anyLabel={t("filter.all")} options={planTypes.map((p) => ({ value: p, label: tEnum(`planType.${p}`) }))} />
      <FilterSelect idPrefix="draft" name="year" label={t("columns.targetYear")} value={params.year?.toString() ?? ""} anyLabel={t("filter.all")} options={years.map((y) => ({ value: String(y), label: String(y) }))} />
      <FilterSelect idPrefix="draft" name="sort" label={t("filter.sort")} value={params.sort} options={draftSorts.map((s) => ({ value: s, label: t(`sorts.${s}`) }))} />
      <FilterSelect idPrefix="draft" name="dir" label={t("filter.dir")} value={params.dir} options={[{ value: "asc", label: t("filter.asc") }, { value: "desc", label: t("filter.desc") }]} />
      <div className="flex gap-3 sm:col-span-3 lg:col-span-7">
        <button type="submit" className="ds-button" data-variant="primary">{t("filter.apply")}</button>
        <a href={`/periods/${periodId}#draft-heading`} className="self-center ds-link">{t("filter.reset")}</a>
      </div>
    </form>
  );
}
