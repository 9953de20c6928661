import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DateText } from "@/components/ui/date-text";
import type { Outcome } from "@/lib/periods/completion";
import type { ProgramRow } from "@/lib/periods/queries";
import { ScrollRegion } from "@/components/ui/scroll-region";

const outcomeStyle: Record<Outcome, string> = { done: "text-green-800", pending: "text-gray-900", notDone: "text-red-800" };

/** One decision kind's part of the planprogram (one page of it): the table the council document would contain. */
export async function ProgramTable({ decisions, caption }: { decisions: ProgramRow[]; caption: string }) {
  const t = await getTranslations("periods");
  const tEnum = await getTranslations("enums");
  const tOutcome = await getTranslations("outcome");
  const notSet = (await getTranslations("common"))("notSet");
  const columns = ["plan", "type", "adoptedOn", "decision", "targetYear", "unit", "status", "outcome"] as const;
  return (
    <ScrollRegion label={caption} className="print:overflow-visible">
      <table className="ds-table" data-size="sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>{columns.map((c) => <th key={c} scope="col" className="px-3 py-2 text-left font-semibold">{t(`programColumns.${c}`)}</th>)}</tr>
        </thead>
        <tbody>
          {decisions.map((d) => (
            <tr key={d.id} className="break-inside-avoid">
              <th scope="row" className="px-3 py-2 text-left font-medium">
                <Link href={`/plans/${d.plan.id}`} className="ds-link">{d.plan.title}</Link>
                {d.plan.archived ? <span className="ds-tag ml-2" data-color="neutral" data-size="sm">{t("archived")}</span> : null}
              </th>
              <td className="px-3 py-2">{tEnum(`planType.${d.plan.type}`)}</td>
              <td className="whitespace-nowrap px-3 py-2"><DateText value={d.plan.adoptedOn} /></td>
              <td className="px-3 py-2">{tEnum(`strategyDecision.${d.decision}`)}</td>
              <td className="px-3 py-2 tabular-nums">{d.targetYear ?? notSet}</td>
              <td className="px-3 py-2">{d.plan.responsibleUnit ?? notSet}</td>
              <td className="px-3 py-2">{tEnum(`planStatus.${d.plan.status}`)}</td>
              <td className={`px-3 py-2 font-medium ${outcomeStyle[d.outcome]}`} data-outcome={d.outcome}>{tOutcome(d.outcome)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
