import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ScrollRegion } from "@/components/ui/scroll-region";
import type { PublicPlan } from "@/lib/public/fields";
import { ConsultationText } from "./consultation-text";

/** Plans on consultation with their deadline in words and the link to the documents; as a list of cards below 640 px. */
export async function ConsultationTable({ plans, caption, href }: { plans: PublicPlan[]; caption: string; href: (id: number) => string }) {
  const t = await getTranslations("innsyn.consultations");
  const tEnum = await getTranslations("enums");
  const tc = await getTranslations("consultation");
  const th = "px-3 py-2 text-left font-semibold";
  return (
    <ScrollRegion label={caption} className="scroll-region">
      <table className="ds-table" data-size="sm" data-testid="consultations">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={th}>{t("plan")}</th>
            <th scope="col" className={th}>{t("deadline")}</th>
            <th scope="col" className={th}>{t("documents")}</th>
          </tr>
        </thead>
        <tbody>
          {plans.map((plan) => plan.consultation ? (
            <tr key={plan.id}>
              <th scope="row" className="px-3 py-2 text-left font-medium">
                <Link href={href(plan.id)} className="ds-link">{plan.title}</Link>
                <span className="block text-sm font-normal text-gray-700">{tEnum(`planType.${plan.type}`)}{plan.consultation.round === 2 ? ` · ${tc("round2")}` : ""}</span>
              </th>
              <td className="px-3 py-2"><ConsultationText consultation={plan.consultation} /></td>
              <td className="px-3 py-2">
                {plan.consultation.url ? <a href={plan.consultation.url} className="ds-link" rel="noopener noreferrer" aria-label={tc("documentsFor", { title: plan.title })}>{tc("documents")}</a> : null}
              </td>
            </tr>
          ) : null)}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
