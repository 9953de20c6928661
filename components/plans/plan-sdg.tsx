import { getLocale, getTranslations } from "next-intl/server";
import { EmptyNote, Section } from "@/components/ui/section";
import { goalTitle, groupByGoal, targetText } from "@/lib/sdg";
import type { PlanDetail } from "@/lib/plans/queries";

/** The plan's SDG targets, grouped by goal, in the UI language (English where bokmål is missing). */
export async function PlanSdg({ plan }: { plan: PlanDetail }) {
  const t = await getTranslations("plans.detail.sdg");
  const locale = await getLocale();
  const groups = groupByGoal(plan.targets);
  return (
    <Section id="sdg" title={t("title")}>
      {groups.length === 0 ? (
        <EmptyNote>{t("none")}</EmptyNote>
      ) : (
        <ul className="space-y-4">
          {groups.map(({ goal, links }) => (
            <li key={goal.code} className="rounded border border-gray-300 bg-white p-4">
              <h3 className="font-semibold">{t("goal", { code: goal.code, title: goalTitle(goal, locale) })}</h3>
              <ul className="mt-2 space-y-2">
                {links.map(({ target }) => {
                  const text = targetText(target, locale);
                  return (
                    <li key={target.code}>
                      <span className="font-mono font-semibold">{target.code}</span>{" "}
                      <span lang={text.lang}>{text.text}</span>
                      {text.fallback ? <span className="ml-1 text-sm text-gray-600">({t("englishOnly")})</span> : null}
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
