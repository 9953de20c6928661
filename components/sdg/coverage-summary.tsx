import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { CoverageMatrixPage } from "@/lib/sdg/queries";

/** The overall counts and the goals no plan addresses, named in text (not by colour alone). */
export async function CoverageSummary({ matrix, query }: { matrix: CoverageMatrixPage; query: string }) {
  const t = await getTranslations("sdgCoverage");
  const locale = await getLocale();
  const uncovered = matrix.goals.filter((g) => !g.covered);
  return (
    <section aria-labelledby="sdg-uncovered-heading" className="mb-6">
      <p className="mb-1 font-medium">
        {t("summary", { goals: matrix.coveredGoalCount, goalTotal: matrix.goals.length, targets: matrix.coveredTargetCount, targetTotal: matrix.targetCount })}
      </p>
      <p className="mb-4 text-sm text-gray-700">{t("planCount", { count: matrix.total })}</p>
      <h2 id="sdg-uncovered-heading" className="mb-2 text-xl font-semibold text-gray-900">{t("uncoveredTitle")}</h2>
      {uncovered.length === 0 ? (
        <p>{t("uncoveredNone")}</p>
      ) : (
        <ul className="flex flex-wrap gap-2">
          {uncovered.map((g) => (
            <li key={g.code}>
              <Link href={`/sdg/${g.code}${query}`} className="inline-block rounded border border-amber-700 bg-amber-50 px-2 py-1 text-amber-900 underline underline-offset-2">
                {t("goalLink", { code: g.code, title: locale === "nb" ? g.shortNb : g.shortEn })}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
