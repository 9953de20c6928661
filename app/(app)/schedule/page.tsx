import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { PrintButton } from "@/components/ui/print-button";
import { Pagination } from "@/components/ui/pagination";
import { ScheduleFilters } from "@/components/schedule/schedule-filters";
import { FilterPanel } from "@/components/ui/filter-panel";
import { ScheduleTable } from "@/components/schedule/schedule-table";
import { Timeline, TimelineLegend } from "@/components/schedule/timeline";
import { requirePermission } from "@/lib/auth/guards";
import { cachedPageData } from "@/lib/page-data-cache";
import { todayInOslo } from "@/lib/dates";
import { groupSchedule } from "@/lib/schedule/group";
import { scheduleHref, scheduleParamsSchema } from "@/lib/schedule/params";
import { listSchedule } from "@/lib/schedule/queries";
import { timelineAxis } from "@/lib/schedule/timeline";
import { ClosingConsultations } from "@/components/stages/closing-consultations";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("schedule"))("title") };
}

/** A download link with its format added to the page's own query. */
const withFormat = (href: string, format: string) => `${href}${href.includes("?") ? "&" : "?"}format=${format}`;

export default async function SchedulePage({ searchParams }: Props) {
  const user = await requirePermission("plan.read");
  const params = scheduleParamsSchema.parse(await searchParams);
  const { plans, total, page, pages, size, groupSizes, span, units, goals } = await cachedPageData({ page: "schedule", role: user.role, locale: await getLocale(), params }, () => listSchedule(params));
  const today = todayInOslo();
  const t = await getTranslations("schedule");
  const tSheet = await getTranslations("spreadsheet");
  const tEnum = await getTranslations("enums");
  const format = await getFormatter();
  // One axis for every group and every page (the filtered plans' extent), so bars line up on paper.
  const axis = timelineAxis(span, today);
  const groups = groupSchedule(plans, params.group ?? "type");
  const groupTitle = (g: (typeof groups)[number]) =>
    g.kind === "type" ? tEnum(`planType.${g.key as (typeof plans)[number]["type"]}`) : g.kind === "unit" ? g.key || t("noUnit") : t("allPlans");
  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <PageHeader title={t("title")} lead={t("lead")} />
        <PrintButton label={(await getTranslations("common"))("print")} />
      </div>
      <p className="hidden print:block">{t("printedOn", { date: format.dateTime(today, { dateStyle: "long", timeZone: "UTC" }) })}</p>
      <FilterPanel label={(await getTranslations("common"))("filterToggle", { count: [params.period, params.unit, params.goal, params.due].filter(Boolean).length + params.type.length })}>
        <ScheduleFilters params={params} choices={{ units, goals }} year={today.getUTCFullYear()} />
      </FilterPanel>
      <div className="no-print mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <p className="text-sm text-gray-700" role="status">
          {t("count", { count: total })}
          {pages > 1 ? ` · ${t("showing", { from: (page - 1) * size + 1, to: (page - 1) * size + plans.length })}` : null}
        </p>
        {total > 0 ? (
          <span className="flex flex-wrap gap-x-4">
            <a href={scheduleHref(params, { page: undefined, size: undefined }, "/schedule/download")} className="ds-link" download>{t("download")}</a>
            <a href={withFormat(scheduleHref(params, { page: undefined, size: undefined }, "/schedule/download"), "xlsx")} className="ds-link" download>{tSheet("scheduleXlsx")}</a>
            <a href={withFormat(scheduleHref(params, { page: undefined, size: undefined }, "/schedule/document"), "docx")} className="ds-link" download>{tSheet("councilDocx")}</a>
            <a href={withFormat(scheduleHref(params, { page: undefined, size: undefined }, "/schedule/document"), "xlsx")} className="ds-link" download>{tSheet("councilXlsx")}</a>
          </span>
        ) : null}
      </div>
      {plans.length === 0 ? (
        <p className="rounded border border-[var(--ds-color-neutral-border-subtle)] bg-[var(--ds-color-neutral-background-tinted)] p-6">{t("empty")}</p>
      ) : (
        <>
          <TimelineLegend />
          <p className="mb-4 text-sm text-gray-700">{t("timelineNote")}</p>
          {groups.map((group, i) => (
            <section key={group.key || "all"} aria-labelledby={`group-${i}`} className={`mb-10 ${i > 0 ? "print:break-before-page" : ""}`}>
              <h2 id={`group-${i}`} className="mb-3 text-xl font-semibold text-gray-900">
                {groupTitle(group)} <span className="text-base font-normal text-gray-700">({t("count", { count: groupSizes.get(group.key) ?? group.rows.length })})</span>
              </h2>
              <Timeline plans={group.rows} axis={axis} today={today} showPeriods />
              <ScheduleTable plans={group.rows} today={today} caption={t("caption", { group: groupTitle(group) })} />
            </section>
          ))}
          <Pagination page={page} pages={pages} href={(p) => scheduleHref(params, { page: p })} />
        </>
      )}
      {/* After the plan groups (the printed schedule is the groups' pages); a screen aid only. */}
      <div className="no-print"><ClosingConsultations /></div>
    </>
  );
}
