import { getTranslations } from "next-intl/server";
import { DateText } from "@/components/ui/date-text";
import { DeadlineText } from "./deadline-text";
import { adoptionState, draftState, type PeriodDates } from "@/lib/periods/deadlines";
import { ScrollRegion } from "@/components/ui/scroll-region";

/** The two deadlines § 10-1 sets, each with the rule, the date, what happened and the state. */
export async function DeadlineTable({ period, today }: { period: PeriodDates; today: Date }) {
  const t = await getTranslations("deadline");
  const adoption = adoptionState(period, today);
  const draft = draftState(period, today);
  const rows = [
    { id: "adoption", title: t("adoption"), rule: t("adoptionRule"), state: adoption, done: period.adoptedOn, unknown: "unknownNoConstitution" as const },
    { id: "draft", title: t("draft"), rule: `${t("draftRule")}${period.adoptedOn ? "" : ` ${period.plannedMeetingOn ? t("draftPlanned") : t("draftAssumed")}`}`, state: draft, done: period.draftPublishedOn, unknown: period.adoptedOn ? ("unknownNoDraft" as const) : ("unknownNoConstitution" as const) },
  ];
  return (
    <ScrollRegion label={t("caption")}>
      <table className="ds-table" data-size="sm">
        <caption className="sr-only">{t("caption")}</caption>
        <thead>
          <tr>
            <th scope="col" className="px-3 py-2 text-left font-semibold">{t("requirementColumn")}</th>
            <th scope="col" className="px-3 py-2 text-left font-semibold">{t("deadlineColumn")}</th>
            <th scope="col" className="px-3 py-2 text-left font-semibold">{t("doneColumn")}</th>
            <th scope="col" className="px-3 py-2 text-left font-semibold">{t("stateColumn")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-deadline-row={row.id}>
              <th scope="row" className="px-3 py-2 text-left align-top">
                <span className="font-medium">{row.title}</span>
                <span className="block font-normal text-gray-700">{row.rule}</span>
              </th>
              <td className="whitespace-nowrap px-3 py-2 align-top"><DateText value={row.state.deadline} /></td>
              <td className="whitespace-nowrap px-3 py-2 align-top"><DateText value={row.done} /></td>
              <td className="px-3 py-2 align-top"><DeadlineText state={row.state} unknownReason={row.unknown} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
