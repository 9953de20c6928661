import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DateText } from "@/components/ui/date-text";
import { DueText } from "./due-text";
import type { ScheduleRow } from "@/lib/schedule/queries";
import { ScrollRegion } from "@/components/ui/scroll-region";

/** The schedule as a table: the accessible twin of the timeline, and what prints as the list. */
export async function ScheduleTable({ plans, today, caption }: { plans: ScheduleRow[]; today: Date; caption: string }) {
  const t = await getTranslations("schedule.columns");
  const tEnum = await getTranslations("enums");
  const notSet = (await getTranslations("common"))("notSet");
  return (
    <ScrollRegion label={caption} className="print:overflow-visible">
      <table className="ds-table" data-size="sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {(["plan", "type", "unit", "adoptedOn", "revisionDueOn", "state", "owner"] as const).map((c) => (
              <th key={c} scope="col" className="px-3 py-2 text-left font-semibold">{t(c)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {plans.map((plan) => (
            <tr key={plan.id} className="break-inside-avoid">
              <th scope="row" className="px-3 py-2 text-left font-medium">
                <Link href={`/plans/${plan.id}`} className="ds-link">{plan.title}</Link>
              </th>
              <td className="px-3 py-2">{tEnum(`planType.${plan.type}`)}</td>
              <td className="px-3 py-2">{plan.responsibleUnit ?? notSet}</td>
              <td className="whitespace-nowrap px-3 py-2"><DateText value={plan.adoptedOn} /></td>
              <td className="whitespace-nowrap px-3 py-2"><DateText value={plan.revisionDueOn} /></td>
              <td className="px-3 py-2"><DueText dueOn={plan.revisionDueOn} today={today} /></td>
              <td className="px-3 py-2">{plan.owner?.name ?? notSet}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
