import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { DateText } from "@/components/ui/date-text";
import { DueText } from "@/components/schedule/due-text";
import { FilterSelect } from "@/components/ui/filter-select";
import { todayInOslo } from "@/lib/dates";
import { planTypes } from "@/lib/plans/schema";
import { dueStates } from "@/lib/schedule/due";
import { scheduleHref, scheduleParamsSchema } from "@/lib/schedule/params";
import { requireInnsyn } from "@/lib/public/guard";
import { innsynSchedule, innsynSdg } from "@/lib/public/pages";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const date = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("innsyn.schedule"))("title") };
}

export default async function InnsynSchedulePage({ searchParams }: Props) {
  await requireInnsyn();
  const params = { ...scheduleParamsSchema.parse(await searchParams), group: undefined, size: undefined };
  const page = await innsynSchedule(params);
  const goals = await innsynSdg();
  const t = await getTranslations("innsyn.schedule");
  const tList = await getTranslations("plans.list");
  const tEnum = await getTranslations("enums");
  const locale = await getLocale();
  const today = todayInOslo();
  const any = tList("any");
  const th = "px-3 py-2 text-left font-semibold";
  return (
    <>
      <PageHeader title={t("title")} lead={t("intro")} />
      <form method="get" action="/innsyn/schedule" role="search" className="no-print mb-6 rounded border border-gray-300 bg-white p-4">
        <fieldset>
          <legend className="mb-2 font-medium">{tList("filters")}</legend>
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <FilterSelect idPrefix="schedule" name="type" label={tList("columns.type")} value={params.type[0] ?? ""} anyLabel={any} options={planTypes.map((v) => ({ value: v, label: tEnum(`planType.${v}`) }))} />
            <FilterSelect idPrefix="schedule" name="due" label={tList("due")} value={params.due ?? ""} anyLabel={any} options={dueStates.map((v) => ({ value: v, label: tList(`dueStates.${v}`) }))} />
            <FilterSelect idPrefix="schedule" name="unit" label={tList("unit")} value={params.unit ?? ""} anyLabel={any} options={page.units.map((u) => ({ value: u, label: u }))} />
            <FilterSelect idPrefix="schedule" name="goal" label={tList("goal")} value={params.goal ? String(params.goal) : ""} anyLabel={any} options={goals.map((g) => ({ value: String(g.code), label: tList("goalOption", { code: g.code, title: locale === "nb" ? g.shortNb : g.shortEn }) }))} />
          </div>
        </fieldset>
        <div className="mt-4 flex gap-3">
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">{tList("filterSubmit")}</button>
          <Link href="/innsyn/schedule" className="rounded border border-brand-700 px-4 py-2 font-medium text-brand-700">{tList("reset")}</Link>
        </div>
      </form>
      <p className="mb-3 text-sm text-gray-700" role="status">{tList("count", { count: page.total })}</p>
      {page.plans.length === 0 ? <p className="rounded border border-gray-300 bg-white p-6">{tList("noMatch")}</p> : (
        <ScrollRegion label={t("caption")} className="overflow-x-auto rounded border border-gray-300 bg-white">
          <table className="min-w-full divide-y divide-gray-300 text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead className="bg-gray-100">
              <tr>
                <th scope="col" className={th}>{tList("columns.title")}</th>
                <th scope="col" className={th}>{tList("columns.type")}</th>
                <th scope="col" className={th}>{tList("unit")}</th>
                <th scope="col" className={th}>{tList("columns.revisionDueOn")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-200">
              {page.plans.map((plan) => (
                <tr key={plan.id}>
                  <th scope="row" className="px-3 py-2 text-left font-medium"><Link href={`/innsyn/plans/${plan.id}`} className="text-brand-700 underline">{plan.title}</Link></th>
                  <td className="px-3 py-2">{tEnum(`planType.${plan.type}`)}</td>
                  <td className="px-3 py-2">{plan.responsibleUnit ?? ""}</td>
                  <td className="whitespace-nowrap px-3 py-2"><DateText value={date(plan.revisionDueOn)} /> <DueText dueOn={date(plan.revisionDueOn)} today={today} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <Pagination page={page.page} pages={page.pages} href={(p) => scheduleHref(params, { page: p }, "/innsyn/schedule")} />
    </>
  );
}
