import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { CoverageMatrixPage } from "@/lib/sdg/queries";
import { sdgPageHref, type SdgPageParams } from "@/lib/sdg/schema";
import { cell, Count, countedTint, GoalHeader, rowHeader, ScrollingTable, uncoveredTint } from "./goal-columns";

/**
 * Goals × plan types over every filtered plan (at most 8 rows whatever the register's size), with
 * the totals per goal at the foot. A type's row header leads to its plans in the per-plan table.
 */
export async function TypeTable({ matrix, params, query }: { matrix: CoverageMatrixPage; params: SdgPageParams; query: string }) {
  const t = await getTranslations("sdgCoverage");
  const tEnum = await getTranslations("enums");
  const locale = await getLocale();
  const { goals } = matrix;
  const tint = (g: (typeof goals)[number]) => (g.covered ? "" : uncoveredTint);
  return (
    <ScrollingTable captionId="sdg-types-caption" caption={t("typesCaption")} hint={t("moreColumns")}>
      <thead className="bg-gray-100 print:table-header-group">
        <tr>
          <th scope="col" className={`${rowHeader} bg-gray-100 align-bottom`}>{t("type")}</th>
          <th scope="col" className="px-3 py-2 text-right align-bottom print:px-1">{t("planTotal")}</th>
          {goals.map((g) => <GoalHeader key={g.code} goal={g} title={locale === "nb" ? g.shortNb : g.shortEn} query={query} notCovered={t("notCovered")} />)}
        </tr>
      </thead>
      <tbody>
        {matrix.types.map(({ type, planCount, counts }) => (
          <tr key={type} className="print:break-inside-avoid">
            <th scope="row" className={`${rowHeader} bg-white font-medium`}>
              <Link href={sdgPageHref({ ...params, type: [type], page: undefined }, 1)} className="ds-link">{tEnum(`planType.${type}`)}</Link>
            </th>
            <td className={`${cell} text-right`}>{planCount}</td>
            {goals.map((g, i) => {
              const n = counts[i] ?? 0;
              return <Count key={g.code} shown={n > 0 ? String(n) : "–"} label={t("typeCell", { count: n })} className={n > 0 ? countedTint : tint(g)} />;
            })}
          </tr>
        ))}
      </tbody>
      <tfoot className="border-t-2 border-gray-500 bg-gray-50">
        <tr className="print:break-inside-avoid">
          <th scope="row" colSpan={2} className={`${rowHeader} bg-gray-50`}>{t("totalPlans")}</th>
          {goals.map((g) => <td key={g.code} className={`${cell} ${tint(g)}`}>{g.planCount}</td>)}
        </tr>
        <tr className="print:break-inside-avoid">
          <th scope="row" colSpan={2} className={`${rowHeader} bg-gray-50`}>{t("totalTargets")}</th>
          {goals.map((g) => (
            <Count key={g.code} shown={`${g.coveredTargets} / ${g.targetCount}`} label={t("targetsCovered", { covered: g.coveredTargets, total: g.targetCount })} className={`whitespace-nowrap ${tint(g)}`} />
          ))}
        </tr>
      </tfoot>
    </ScrollingTable>
  );
}
