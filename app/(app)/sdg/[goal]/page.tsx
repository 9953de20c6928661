import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { FilterNotice } from "@/components/sdg/filter-notice";
import { GoalTargets } from "@/components/sdg/goal-targets";
import { goalTitle } from "@/lib/sdg";
import { getGoalCoverage } from "@/lib/sdg/queries";
import { filterQuery, goalCodeSchema, sdgCoverageParamsSchema } from "@/lib/sdg/schema";
import { requirePermission } from "@/lib/auth/guards";

type Props = { params: Promise<{ goal: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations("sdgCoverage");
  const code = goalCodeSchema.safeParse((await params).goal);
  return { title: code.success ? t("goal.metaTitle", { code: code.data }) : t("title") };
}

export default async function SdgGoalPage({ params, searchParams }: Props) {
  await requirePermission("plan.read");
  const code = goalCodeSchema.safeParse((await params).goal);
  if (!code.success) notFound();
  const filters = sdgCoverageParamsSchema.parse(await searchParams);
  const coverage = await getGoalCoverage(code.data, filters);
  if (!coverage) notFound();
  const t = await getTranslations("sdgCoverage");
  const locale = await getLocale();
  return (
    <>
      <p className="no-print mb-4">
        <Link href={`/sdg${filterQuery(filters)}`} className="ds-link">← {t("goal.back")}</Link>
      </p>
      <PageHeader
        title={t("goal.heading", { code: code.data, title: goalTitle(coverage.goal, locale) })}
        lead={<strong>{t("targetsCovered", { covered: coverage.coveredCount, total: coverage.targetCount })}</strong>}
      />
      <FilterNotice params={filters} clearHref={`/sdg/${code.data}`} />
      <GoalTargets coverage={coverage} filters={filters} />
    </>
  );
}
