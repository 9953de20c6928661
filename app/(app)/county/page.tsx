// The county governor's view (issue 19, item 6): every municipality of the office's county, its
// planning strategy by pbl. § 10-1 and its plans due for revision, filtered and sorted in the URL,
// with a chart, downloads and a print version. Figures come only from county_overview().
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { Section, EmptyNote } from "@/components/ui/section";
import { PrintButton } from "@/components/ui/print-button";
import { CountyChart } from "@/components/county/county-chart";
import { CountyFilters } from "@/components/county/county-filters";
import { CountyTable } from "@/components/county/county-table";
import { requireCountyOffice } from "@/lib/county/guard";
import { getCountyOverview } from "@/lib/county/queries";
import { filterAndSort } from "@/lib/county/figures";
import { badParams, countyFilterSchema } from "@/lib/county/params";
import { countyHref } from "@/lib/county/href";
import { todayInOslo } from "@/lib/dates";
import { electionPeriodOf, periodLabel } from "@/lib/schedule/election";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("county"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CountyPage({ searchParams }: Props) {
  const tenant = await requireCountyOffice();
  const t = await getTranslations("county");
  const format = await getFormatter();
  const parsed = countyFilterSchema.safeParse(await searchParams);
  const filter = parsed.success ? parsed.data : countyFilterSchema.parse({});
  const today = todayInOslo();
  const all = await getCountyOverview(today);
  const shown = filterAndSort(all, filter);
  const period = periodLabel(electionPeriodOf(today.getUTCFullYear()));
  const query = { q: filter.q, state: filter.state, overdue: filter.overdue, sort: filter.sort, dir: filter.dir };
  return (
    <div className="print-landscape">
      <PageHeader
        title={t("heading", { county: tenant.countyName })}
        lead={t("lead", { office: tenant.name, date: format.dateTime(today, { dateStyle: "long", timeZone: "UTC" }), period })}
      />
      {parsed.success ? null : (
        <div className="ds-alert mb-6" data-color="danger" role="alert">
          {t("badParams", { params: badParams(parsed.error).join(", ") })}
        </div>
      )}
      <CountyFilters filter={filter} />
      <div className="no-print mb-6 flex flex-wrap items-center gap-3">
        <a className="ds-button" data-variant="secondary" data-size="sm" href={countyHref("/county/download", { ...query, format: "csv" })} download>{t("downloadCsv")}</a>
        <a className="ds-button" data-variant="secondary" data-size="sm" href={countyHref("/county/download", { ...query, format: "json" })} download>{t("downloadJson")}</a>
        <PrintButton label={t("print")} />
      </div>
      <Section id="municipalities" title={t("listTitle", { shown: shown.length, total: all.length })}>
        {shown.length ? <CountyTable figures={shown} filter={filter} period={period} /> : <EmptyNote>{all.length ? t("noneMatch") : t("none")}</EmptyNote>}
      </Section>
      <Section id="chart" title={t("chartTitle")}>
        <CountyChart figures={all} />
      </Section>
      <p className="text-sm text-gray-700">{t("rules", { period })}</p>
    </div>
  );
}
