import { getTranslations } from "next-intl/server";
import { daysUntilDue, dueState } from "@/lib/schedule/due";

// Designsystemet tag colours; the words carry the meaning, the colour only repeats it.
const colours = { overdue: "danger", soon: "warning", later: "neutral", none: "neutral" } as const;

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
    <span data-due-state={state} className="ds-tag whitespace-nowrap font-medium" data-color={colours[state]} data-variant={state === "later" || state === "none" ? "outline" : undefined} data-size="sm">
      {text}
    </span>
  );
}
