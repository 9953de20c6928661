import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { FilterChecks, FilterSelect } from "@/components/ui/filter-select";
import { planTypes } from "@/lib/plans/schema";
import { dueStates } from "@/lib/schedule/due";
import { electionPeriodsBetween, periodLabel } from "@/lib/schedule/election";
import type { ScheduleParams } from "@/lib/schedule/params";

type Choices = { units: string[]; goals: { code: number; shortNb: string; shortEn: string }[] };

/** The schedule's filters as a GET form: the result is a URL that shows (and prints) the same view. */
export async function ScheduleFilters({ params, choices, year }: { params: ScheduleParams; choices: Choices; year: number }) {
  const t = await getTranslations("schedule");
  const tEnum = await getTranslations("enums");
  const tState = await getTranslations("dueState");
  const locale = await getLocale();
  const any = t("any");
  // Around today, plus the one in the URL if it is further away (so the form shows what is applied).
  const periods = electionPeriodsBetween(Math.min(year - 8, params.period ?? year), Math.max(year + 8, params.period ?? year));
  return (
    <form method="get" action="/schedule" aria-label={t("filters")} className="no-print mb-6 rounded border border-gray-300 bg-white p-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <FilterSelect idPrefix="schedule" name="period" label={t("period")} value={params.period ? String(params.period) : ""} anyLabel={any} options={periods.map((p) => ({ value: String(p.startYear), label: periodLabel(p) }))} />
        <FilterSelect idPrefix="schedule" name="unit" label={t("unit")} value={params.unit ?? ""} anyLabel={any} options={choices.units.map((u) => ({ value: u, label: u }))} />
        <FilterSelect idPrefix="schedule" name="goal" label={t("goal")} value={params.goal ? String(params.goal) : ""} anyLabel={any} options={choices.goals.map((g) => ({ value: String(g.code), label: `${g.code}. ${locale === "nb" ? g.shortNb : g.shortEn}` }))} />
        <FilterSelect idPrefix="schedule" name="due" label={t("due")} value={params.due ?? ""} anyLabel={any} options={dueStates.map((v) => ({ value: v, label: tState(v) }))} />
        <FilterSelect idPrefix="schedule" name="group" label={t("group")} value={params.group ?? "type"} options={[{ value: "type", label: t("groupType") }, { value: "unit", label: t("groupUnit") }, { value: "none", label: t("groupNone") }]} />
        <FilterChecks idPrefix="schedule" name="type" legend={t("typeMany")} values={params.type} options={planTypes.map((v) => ({ value: v, label: tEnum(`planType.${v}`) }))} className="sm:col-span-2 lg:col-span-3" />
      </div>
      {params.size ? <input type="hidden" name="size" value={params.size} /> : null}
      <div className="mt-4 flex items-center gap-4">
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">{t("submit")}</button>
        <Link href="/schedule" className="text-brand-700 underline underline-offset-2">{t("reset")}</Link>
      </div>
    </form>
  );
}
