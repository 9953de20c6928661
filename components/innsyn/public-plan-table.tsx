import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DateText } from "@/components/ui/date-text";
import { DueText } from "@/components/schedule/due-text";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { todayInOslo } from "@/lib/dates";
import { sortColumns, type PlanListParams } from "@/lib/plans/list";
import { listHref } from "@/lib/plans/list-url";
import type { PublicPlan } from "@/lib/public/fields";

type Column = (typeof sortColumns)[number];
const date = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

/** The public register as a table of allow-listed fields; headers sort (links, no JavaScript needed). */
export async function PublicPlanTable({ plans, params }: { plans: PublicPlan[]; params: PlanListParams }) {
  const t = await getTranslations("plans.list");
  const tEnum = await getTranslations("enums");
  const tFields = await getTranslations("plans.fields");
  const today = todayInOslo();
  const current = params.sort ?? "title";
  const dir = params.dir ?? "asc";
  const label = (c: Column) => (c === "title" ? t("columns.title") : c === "adoptedOn" ? t("columns.adoptedOn") : c === "revisionDueOn" ? t("columns.revisionDueOn") : tFields(c));
  const header = (c: Column) => {
    const active = current === c;
    const next = active && dir === "asc" ? "desc" : "asc";
    return (
      <th key={c} scope="col" className="px-3 py-2 text-left font-semibold" aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}>
        <Link href={listHref(params, { sort: c, dir: next, page: undefined }, "/innsyn")} className="text-gray-900 underline decoration-dotted underline-offset-4 hover:text-brand-700" aria-label={t("sortBy", { column: label(c) })}>
          {label(c)} {active ? <span aria-hidden="true">{dir === "asc" ? "▲" : "▼"}</span> : null}
        </Link>
      </th>
    );
  };
  return (
    <ScrollRegion label={t("caption")} className="overflow-x-auto rounded border border-gray-300 bg-white">
      <table className="min-w-full divide-y divide-gray-300 text-sm">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="bg-gray-100"><tr>{sortColumns.map(header)}</tr></thead>
        <tbody className="divide-y divide-gray-200">
          {plans.map((plan) => (
            <tr key={plan.id}>
              <th scope="row" className="px-3 py-2 text-left font-medium">
                <Link href={`/innsyn/plans/${plan.id}`} className="text-brand-700 underline underline-offset-2 hover:text-brand-800">{plan.title}</Link>
              </th>
              <td className="px-3 py-2">{tEnum(`planType.${plan.type}`)}</td>
              <td className="px-3 py-2">{tEnum(`planStatus.${plan.status}`)}</td>
              <td className="whitespace-nowrap px-3 py-2"><DateText value={date(plan.adoptedOn)} /></td>
              <td className="whitespace-nowrap px-3 py-2">
                <DateText value={date(plan.revisionDueOn)} />
                {plan.dueState === "overdue" ? <> <DueText dueOn={date(plan.revisionDueOn)} today={today} /></> : null}
              </td>
              <td className="px-3 py-2">{plan.responsibleUnit ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
