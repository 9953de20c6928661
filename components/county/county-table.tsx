// Every municipality of the county: its planning strategy by pbl. § 10-1, its plans overdue and
// due this election period, and its register's last change. Sortable by each column (links, so
// the sort is in the URL and works without JavaScript).
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DateText, DateTimeText } from "@/components/ui/date-text";
import { ScrollRegion } from "@/components/ui/scroll-region";
import type { CountyFigure, CountyFilter, CountySortKey } from "@/lib/county/figures";
import { countyHref } from "@/lib/county/href";
import { DraftState, StrategyState } from "./strategy-state";

type Column = "municipality" | "strategy" | "deadline" | "adoptedOn" | "draft" | "overdue" | "due" | "updated";
const columns: { key: CountySortKey | null; label: Column }[] = [
  { key: "name", label: "municipality" },
  { key: "state", label: "strategy" },
  { key: "deadline", label: "deadline" },
  { key: null, label: "adoptedOn" },
  { key: null, label: "draft" },
  { key: "overdue", label: "overdue" },
  { key: "due", label: "due" },
  { key: "updated", label: "updated" },
];

export async function CountyTable({ figures, filter, period }: { figures: CountyFigure[]; filter: CountyFilter; period: string }) {
  const t = await getTranslations("county.table");
  const label = (c: Column) => t(`columns.${c}`, { period });
  return (
    <ScrollRegion label={t("caption")}>
      <table className="ds-table" data-size="sm" id="county-table">
        <caption className="sr-only">{t("caption")}</caption>
        <thead>
          <tr>
            {columns.map(({ key, label: c }) => {
              if (!key) return <th key={c} scope="col" className="px-3 py-2 text-left font-semibold">{label(c)}</th>;
              const active = filter.sort === key;
              const next = active && filter.dir === "asc" ? "desc" : "asc";
              return (
                <th key={c} scope="col" className="px-3 py-2 text-left font-semibold" aria-sort={active ? (filter.dir === "asc" ? "ascending" : "descending") : undefined}>
                  <Link href={countyHref("/county", { ...filter, sort: key, dir: next })} className="text-gray-900 underline decoration-dotted underline-offset-4" aria-label={t("sortBy", { column: label(c) })}>
                    {label(c)} {active ? <span aria-hidden="true">{filter.dir === "asc" ? "▲" : "▼"}</span> : null}
                  </Link>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {figures.map((m) => (
            <tr key={m.kommunenummer} data-kommunenummer={m.kommunenummer}>
              <th scope="row" className="px-3 py-2 text-left font-medium">
                <Link href={`/county/${m.kommunenummer}`} className="ds-link">{m.name}</Link>
                <span className="block text-sm text-gray-700">{m.kommunenummer}{m.strategy ? ` · ${m.strategy.name}` : ""}</span>
              </th>
              <td className="px-3 py-2"><StrategyState m={m} /></td>
              <td className="px-3 py-2"><DateText value={m.adoption?.deadline ?? null} /></td>
              <td className="px-3 py-2"><DateText value={m.strategy?.adoptedOn ?? null} /></td>
              <td className="px-3 py-2"><DraftState m={m} /></td>
              <td className="px-3 py-2 text-right tabular-nums" data-figure="overdue">{m.overduePlans}</td>
              <td className="px-3 py-2 text-right tabular-nums" data-figure="due">{m.dueThisPeriod}</td>
              <td className="px-3 py-2">{m.lastUpdated ? <DateTimeText value={m.lastUpdated} /> : <span className="text-gray-700">{t("never")}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
