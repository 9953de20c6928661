import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DateText } from "@/components/ui/date-text";
import { DueText } from "@/components/schedule/due-text";
import { todayInOslo } from "@/lib/dates";
import type { PlanListParams } from "@/lib/plans/list";
import { sortColumns } from "@/lib/plans/list";
import { listHref } from "@/lib/plans/list-url";
import { planTableRows, type PlanTableInput } from "@/lib/plans/table-rows";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { ConsultationText } from "@/components/stages/consultation-text";

type Column = (typeof sortColumns)[number];

/** Signed-in: the register's rows, linking to /plans. Public: allow-listed rows, linking only within /innsyn. */
type Props = { params: PlanListParams } & PlanTableInput;

/** The register as a table; every column header sorts (a link, so it works without JavaScript). */
export async function PlanTable(props: Props) {
  const { params } = props;
  const [listPath, planPath] = props.audience === "public" ? ["/innsyn", "/innsyn/plans"] : ["/plans", "/plans"];

  const t = await getTranslations("plans.list");
  const today = todayInOslo();
  const tEnum = await getTranslations("enums");
  const tFields = await getTranslations("plans.fields");
  const current = params.sort ?? "title";
  const dir = params.dir ?? "asc";
  const label = (c: Column) => (c === "title" ? t("columns.title") : c === "adoptedOn" ? t("columns.adoptedOn") : c === "revisionDueOn" ? t("columns.revisionDueOn") : tFields(c));
  const header = (c: Column) => {
    const active = current === c;
    const next = active && dir === "asc" ? "desc" : "asc";
    return (
      <th key={c} scope="col" className="px-3 py-2 text-left font-semibold" aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}>
        <Link href={listHref(params, { sort: c, dir: next, page: undefined }, listPath)} className="text-gray-900 underline decoration-dotted underline-offset-4 hover:text-brand-700" aria-label={t("sortBy", { column: label(c) })}>
          {label(c)} {active ? <span aria-hidden="true">{dir === "asc" ? "▲" : "▼"}</span> : null}
        </Link>
      </th>
    );
  };
  return (
    <ScrollRegion label={t("caption")}>
      <table className="ds-table" data-size="sm">
        <caption className="sr-only">{t("caption")}</caption>
        <thead>
          <tr>{sortColumns.map(header)}</tr>
        </thead>
        <tbody>
          {planTableRows(props, today).map((plan) => (
            <tr key={plan.id}>
              <th scope="row" className="px-3 py-2 text-left font-medium">
                <Link href={`${planPath}/${plan.id}`} className="ds-link">{plan.title}</Link>
                {plan.archived ? <span className="ds-tag ml-2" data-color="neutral" data-size="sm">{t("archivedTag")}</span> : null}
              </th>
              <td className="px-3 py-2">{tEnum(`planType.${plan.type}`)}</td>
              <td className="px-3 py-2">
                {tEnum(`planStatus.${plan.status}`)}
                {/* An open consultation or a passed deadline, in words, under the status. */}
                {plan.consultation ? <span className="mt-1 block"><ConsultationText consultation={plan.consultation} /></span> : null}
              </td>
              <td className="whitespace-nowrap px-3 py-2"><DateText value={plan.adoptedOn} /></td>
              <td className="whitespace-nowrap px-3 py-2">
                <DateText value={plan.revisionDueOn} />
                {plan.overdue ? <> <DueText dueOn={plan.revisionDueOn} today={today} /></> : null}
              </td>
              <td className="px-3 py-2">{plan.responsibleUnit ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
