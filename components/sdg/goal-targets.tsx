import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { targetText } from "@/lib/sdg";
import type { GoalCoverage } from "@/lib/sdg/queries";
import { registerGoalHref, type SdgCoverageParams } from "@/lib/sdg/schema";

/**
 * One goal's targets, each with its first plans (by title) and, where there are more, how many
 * and a link to the register; an uncovered target is marked "Ikke dekket" (text and colour).
 */
export async function GoalTargets({ coverage, filters }: { coverage: GoalCoverage; filters: SdgCoverageParams }) {
  const t = await getTranslations("sdgCoverage");
  const locale = await getLocale();
  const code = coverage.goal.code;
  return (
    <ol className="space-y-3">
      {coverage.targets.map(({ target, plans, planCount }) => {
        const text = targetText(target, locale);
        const covered = planCount > 0;
        const more = planCount - plans.length;
        return (
          <li key={target.code} className={`rounded border p-4 print:break-inside-avoid ${covered ? "border-gray-300 bg-white" : "border-amber-700 bg-amber-50"}`}>
            <h2 className="text-lg font-semibold">{t("goal.target", { code: target.code })}</h2>
            <p className="mt-1">
              <span lang={text.lang}>{text.text}</span>
              {text.fallback ? <span className="ml-1 text-sm text-gray-700">({t("goal.englishOnly")})</span> : null}
            </p>
            {covered ? (
              <ul aria-label={t("goal.plansFor", { code: target.code })} className="mt-2 flex flex-wrap gap-x-6 gap-y-1">
                {plans.map((plan) => (
                  <li key={plan.id}>
                    <Link href={`/plans/${plan.id}`} className="ds-link">{plan.title}</Link>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-2 font-semibold text-amber-900">{t("notCovered")}</p>
            )}
            {more > 0 ? (
              <p className="mt-2">
                {t("goal.more", { count: more })}{" "}
                <Link href={registerGoalHref(code, filters)} className="ds-link no-print">{t("goal.moreLink", { goal: code })}</Link>
              </p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
