import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DateText } from "@/components/ui/date-text";
import type { PlanListItem } from "@/lib/plans/queries";

/** The register as a table: one row per plan. */
export async function PlanTable({ plans }: { plans: PlanListItem[] }) {
  const t = await getTranslations("plans.list");
  const tEnum = await getTranslations("enums");
  if (plans.length === 0) return <p className="rounded border border-gray-300 bg-white p-6">{t("empty")}</p>;
  const th = "px-3 py-2 text-left font-semibold";
  return (
    <div className="overflow-x-auto rounded border border-gray-300 bg-white">
      <table className="min-w-full divide-y divide-gray-300 text-sm">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="bg-gray-100">
          <tr>
            <th scope="col" className={th}>{t("columns.title")}</th>
            <th scope="col" className={th}>{t("columns.type")}</th>
            <th scope="col" className={th}>{t("columns.status")}</th>
            <th scope="col" className={th}>{t("columns.adoptedOn")}</th>
            <th scope="col" className={th}>{t("columns.revisionDueOn")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-200">
          {plans.map((plan) => (
            <tr key={plan.id}>
              <th scope="row" className="px-3 py-2 text-left font-medium">
                <Link href={`/plans/${plan.id}`} className="text-brand-700 underline underline-offset-2 hover:text-brand-800">
                  {plan.title}
                </Link>
              </th>
              <td className="px-3 py-2">{tEnum(`planType.${plan.type}`)}</td>
              <td className="px-3 py-2">{tEnum(`planStatus.${plan.status}`)}</td>
              <td className="px-3 py-2 whitespace-nowrap"><DateText value={plan.adoptedOn} /></td>
              <td className="px-3 py-2 whitespace-nowrap"><DateText value={plan.revisionDueOn} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
