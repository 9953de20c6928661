// One municipality of the county, read only: its figures and its public plans (innsyn's fields),
// 25 a page, through county_public_plans(). Another county's or an unknown number is a 404.
import type { Metadata } from "next";
import { Fragment } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { Section, EmptyNote } from "@/components/ui/section";
import { DateText, DateTimeText } from "@/components/ui/date-text";
import { Pagination } from "@/components/ui/pagination";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { PrintButton } from "@/components/ui/print-button";
import { DraftState, StrategyState } from "@/components/county/strategy-state";
import { requireCountyOffice } from "@/lib/county/guard";
import { getCountyOverview, getCountyPublicPlans } from "@/lib/county/queries";
import { DRILL_PAGE_SIZE, drillPageSchema, kommunenummerSchema } from "@/lib/county/params";
import { todayInOslo } from "@/lib/dates";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("county"))("title") };
}

type Props = { params: Promise<{ kommunenummer: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CountyMunicipalityPage({ params, searchParams }: Props) {
  await requireCountyOffice();
  const number = kommunenummerSchema.safeParse((await params).kommunenummer);
  if (!number.success) notFound();
  const today = todayInOslo();
  const m = (await getCountyOverview(today)).find((x) => x.kommunenummer === number.data);
  if (!m) notFound();
  const t = await getTranslations("county");
  const tEnum = await getTranslations("enums");
  const pageParam = drillPageSchema.safeParse(await searchParams);
  const page = pageParam.success ? pageParam.data.page : 1;
  const { plans, total } = await getCountyPublicPlans(m.kommunenummer, DRILL_PAGE_SIZE, (page - 1) * DRILL_PAGE_SIZE);
  const pages = Math.max(1, Math.ceil(total / DRILL_PAGE_SIZE));
  const figures = [
    [t("table.columns.overdue"), m.overduePlans],
    [t("detail.dueThisPeriod"), m.dueThisPeriod],
    [t("detail.activePlans"), m.activePlans],
  ] as const;
  return (
    <div className="print-landscape">
      <p className="no-print mb-4"><Link href="/county" className="ds-link">{t("detail.back")}</Link></p>
      <PageHeader title={m.name} lead={t("detail.lead", { kommunenummer: m.kommunenummer })} />
      {pageParam.success ? null : <div className="ds-alert mb-6" data-color="danger" role="alert">{t("badParams", { params: "page" })}</div>}
      <div className="no-print mb-6"><PrintButton label={t("print")} /></div>
      <Section id="strategy" title={t("detail.strategy")}>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">{t("table.columns.strategy")}</dt><dd>{m.strategy?.name ?? t("state.missing")} <StrategyState m={m} /></dd>
          <dt className="font-semibold">{t("table.columns.deadline")}</dt><dd><DateText value={m.adoption?.deadline ?? null} /></dd>
          <dt className="font-semibold">{t("table.columns.adoptedOn")}</dt><dd><DateText value={m.strategy?.adoptedOn ?? null} /></dd>
          <dt className="font-semibold">{t("table.columns.draft")}</dt><dd><DraftState m={m} /></dd>
          {figures.map(([label, n]) => <Fragment key={label}><dt className="font-semibold">{label}</dt><dd className="tabular-nums">{n}</dd></Fragment>)}
          <dt className="font-semibold">{t("table.columns.updated")}</dt><dd>{m.lastUpdated ? <DateTimeText value={m.lastUpdated} /> : t("table.never")}</dd>
        </dl>
      </Section>
      <Section id="plans" title={t("detail.plans", { total })}>
        {plans.length ? (
          <ScrollRegion label={t("detail.plansCaption")}>
            <table className="ds-table" data-size="sm">
              <caption className="sr-only">{t("detail.plansCaption")}</caption>
              <thead>
                <tr>{(["title", "type", "status", "adoptedOn", "revisionDueOn", "unit"] as const).map((c) => <th key={c} scope="col">{t(`detail.columns.${c}`)}</th>)}</tr>
              </thead>
              <tbody>
                {plans.map((p, i) => (
                  <tr key={`${p.title}-${i}`}>
                    <th scope="row" className="font-medium">{p.title}</th>
                    <td>{tEnum(`planType.${p.type}` as "planType.annet")}</td>
                    <td>{tEnum(`planStatus.${p.status}` as "planStatus.vedtatt")}</td>
                    <td><DateText value={p.adoptedOn} /></td>
                    <td><DateText value={p.revisionDueOn} /></td>
                    <td>{p.responsibleUnit ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        ) : (
          <EmptyNote>{t("detail.noPlans")}</EmptyNote>
        )}
        <Pagination page={page} pages={pages} href={(p) => `/county/${m.kommunenummer}${p > 1 ? `?page=${p}` : ""}`} />
      </Section>
    </div>
  );
}
