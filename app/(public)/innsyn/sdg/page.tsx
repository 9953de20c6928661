import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { requireInnsyn } from "@/lib/public/guard";
import { innsynSdg } from "@/lib/public/pages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("innsyn.sdg"))("title") };
}

export default async function InnsynSdgPage() {
  await requireInnsyn();
  const goals = await innsynSdg();
  const t = await getTranslations("innsyn.sdg");
  const locale = await getLocale();
  const th = "px-3 py-2 text-left font-semibold";
  const uncovered = goals.filter((g) => g.planCount === 0);
  return (
    <>
      <PageHeader title={t("title")} lead={t("intro")} />
      <ScrollRegion label={t("caption")} className="overflow-x-auto rounded border border-gray-300 bg-white">
        <table className="min-w-full divide-y divide-gray-300 text-sm">
          <caption className="sr-only">{t("caption")}</caption>
          <thead className="bg-gray-100">
            <tr>
              <th scope="col" className={th}>{t("goal")}</th>
              <th scope="col" className={th}>{t("plans")}</th>
              <th scope="col" className={th}>{t("targets")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-200">
            {goals.map((g) => {
              const covered = g.targets.filter((x) => x.planCount > 0).length;
              return (
                <tr key={g.code}>
                  <th scope="row" className="px-3 py-2 text-left font-medium">{t("goalName", { code: g.code, title: locale === "nb" ? g.titleNb : g.titleEn })}</th>
                  <td className="px-3 py-2">
                    {g.planCount > 0 ? <Link href={`/innsyn?goal=${g.code}`} className="text-brand-700 underline">{t("planCount", { count: g.planCount })}</Link> : <span className="font-medium text-red-900">{t("notCovered")}</span>}
                  </td>
                  <td className="px-3 py-2">{t("covered", { covered, total: g.targets.length })}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
      {uncovered.length ? <p className="mt-4">{t("uncovered", { goals: uncovered.map((g) => g.code).join(", ") })}</p> : null}
    </>
  );
}
