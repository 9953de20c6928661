import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { CoverageMatrixPage } from "@/lib/sdg/queries";
import { Count, countedTint, GoalHeader, rowHeader, ScrollingTable, uncoveredTint } from "./goal-columns";

/** One page of the goals × plans table: a row per plan, its number of targets per goal. */
export async function CoverageTable({ matrix, query }: { matrix: CoverageMatrixPage; query: string }) {
  const t = await getTranslations("sdgCoverage");
  const tEnum = await getTranslations("enums");
  const locale = await getLocale();
  const { goals } = matrix;
  // 17 cells a row: each distinct label is formatted once per page, not once per cell.
  const labels = new Map<string, string>();
  const cellLabel = (count: number, total: number) => {
    const key = `${count}/${total}`;
    return labels.get(key) ?? labels.set(key, t("cell", { count, total })).get(key)!;
  };
  return (
    <ScrollingTable captionId="sdg-matrix-caption" caption={t("caption")} hint={t("moreColumns")}>
      <thead className="bg-gray-100 print:table-header-group">
        <tr>
          <th scope="col" className={`${rowHeader} bg-gray-100 align-bottom`}>{t("plan")}</th>
          <th scope="col" className="px-3 py-2 text-left align-bottom print:px-1">{t("type")}</th>
          {goals.map((g) => <GoalHeader key={g.code} goal={g} title={locale === "nb" ? g.shortNb : g.shortEn} query={query} notCovered={t("notCovered")} />)}
        </tr>
      </thead>
      <tbody>
        {matrix.rows.map(({ plan, counts }) => (
          <tr key={plan.id} className="print:break-inside-avoid">
            <th scope="row" className={`${rowHeader} bg-white font-medium`}>
              <Link href={`/plans/${plan.id}`} className="ds-link">{plan.title}</Link>
            </th>
            <td className="px-3 py-2 print:px-1 print:py-0.5">{tEnum(`planType.${plan.type}`)}</td>
            {goals.map((g, i) => {
              const n = counts[i] ?? 0;
              return <Count key={g.code} shown={n > 0 ? String(n) : "–"} label={cellLabel(n, g.targetCount)} className={n > 0 ? countedTint : g.covered ? "" : uncoveredTint} />;
            })}
          </tr>
        ))}
      </tbody>
    </ScrollingTable>
  );
}
