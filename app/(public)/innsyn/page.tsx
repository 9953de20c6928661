import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { PlanFilters } from "@/components/plans/plan-filters";
import { PlanTable } from "@/components/plans/plan-table";
import { planListParamsSchema } from "@/lib/plans/list";
import { listHref } from "@/lib/plans/list-url";
import { requireInnsyn } from "@/lib/public/guard";
import { innsynRegister, publicListParams } from "@/lib/public/pages";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("innsyn.register"))("title") };
}

export default async function InnsynRegisterPage({ searchParams }: Props) {
  const settings = await requireInnsyn();
  const params = publicListParams(planListParamsSchema.parse(await searchParams));
  const page = await innsynRegister(params);
  const t = await getTranslations("innsyn.register");
  const tList = await getTranslations("plans.list");
  return (
    <>
      <PageHeader title={t("title")} lead={t("intro", { municipality: settings.municipality })} />
      <a href="#results" className="sr-only focus:not-sr-only focus:mb-3 focus:inline-block focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-brand-700">{tList("skipToResults")}</a>
      <PlanFilters audience="public" params={params} choices={page} />
      <p id="results" tabIndex={-1} className="mb-3 text-sm text-gray-700" role="status">{tList("count", { count: page.total })}</p>
      {page.plans.length === 0 ? <p className="rounded border border-[var(--ds-color-neutral-border-subtle)] bg-[var(--ds-color-neutral-background-tinted)] p-6">{tList("noMatch")}</p> : <PlanTable audience="public" plans={page.plans} params={{ ...params, page: page.page }} />}
      <Pagination page={page.page} pages={page.pages} href={(p) => listHref(params, { page: p }, "/innsyn")} />
      <section aria-labelledby="open-data-heading" className="no-print mt-8 rounded border border-gray-300 bg-white p-4">
        <h2 id="open-data-heading" className="mb-2 text-lg font-semibold">{t("openData")}</h2>
        <p className="mb-2 text-gray-800">{t("openDataIntro")}</p>
        <ul className="flex flex-wrap gap-4">
          <li><a href="/innsyn/plans.csv" className="ds-link">{t("downloadCsv")}</a></li>
          <li><a href="/innsyn/plans.json" className="ds-link">{t("downloadJson")}</a></li>
          <li><a href="/api/docs" className="ds-link">{t("apiDocs")}</a></li>
        </ul>
      </section>
    </>
  );
}
