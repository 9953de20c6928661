import { getTranslations } from "next-intl/server";
import { daysUntilDue, dueState } from "@/lib/schedule/due";

const styles = {
  overdue: "border-red-700 bg-red-50 text-red-900",
  soon: "border-amber-600 bg-amber-50 text-amber-950",
  later: "border-gray-400 bg-white text-gray-800",
  none: "border-gray-400 bg-gray-50 text-gray-800",
} as const;

/** A plan's revision state in words (the colour only repeats it): "Overdue by 3 days", "In 40 days". */
export async function DueText({ dueOn, today }: { dueOn: Date | null; today: Date }) {
  const t = await getTranslations("dueState");
  const state = dueState(dueOn, today);
  const days = daysUntilDue(dueOn, today);
  const text =
    state === "overdue" ? t("overdueFor", { days: -days! })
    : state === "soon" ? (days === 0 ? t("dueToday") : t("dueIn", { days: days! }))
    : state === "later" ? t("later")
    : t("noDueDate");
  return (
    <span data-due-state={state} className={`print-exact inline-block whitespace-nowrap rounded border px-1.5 py-0.5 text-xs font-medium ${styles[state]}`}>
      {text}
    </span>
  );
}
