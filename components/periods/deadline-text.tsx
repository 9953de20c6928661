import { getFormatter, getTranslations } from "next-intl/server";
import type { DeadlineState } from "@/lib/periods/deadlines";

const tone = { met: "text-green-800", missed: "text-red-800", open: "text-gray-900", overdue: "text-red-800", published: "text-gray-900", unknown: "text-gray-700" } as const;

/** A legal deadline's state in words: met, missed by n days, n days left, passed n days ago. */
export async function DeadlineText({ state, unknownReason }: { state: DeadlineState; unknownReason: "unknownNoConstitution" | "unknownNoDraft" }) {
  const t = await getTranslations("deadline");
  const format = await getFormatter();
  const text =
    state.kind === "met" ? t("met", { days: state.daysToSpare })
    : state.kind === "missed" ? t("missed", { days: state.daysLate })
    : state.kind === "open" ? t("open", { days: state.daysLeft })
    : state.kind === "overdue" ? t("overdue", { days: state.daysOverdue })
    : state.kind === "published" ? t("published", { date: format.dateTime(state.earliestMeeting, { dateStyle: "long", timeZone: "UTC" }) })
    : t(unknownReason);
  return <span data-deadline={state.kind} className={`font-medium ${tone[state.kind]}`}>{text}</span>;
}
