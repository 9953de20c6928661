import { getTranslations } from "next-intl/server";
import { DeadlineText } from "@/components/periods/deadline-text";
import type { CountyFigure } from "@/lib/county/figures";

const tone = { on_time: "success", late: "danger", pending: "info", overdue: "danger", missing: "danger", unknown: "neutral" } as const;

/** The strategy's state as a tag (in words, not colour alone) and its § 10-1 adoption deadline in days. */
export async function StrategyState({ m }: { m: CountyFigure }) {
  const t = await getTranslations("county.state");
  return (
    <span className="flex flex-col gap-1">
      <span className="ds-tag w-fit" data-color={tone[m.state]} data-size="sm" data-state={m.state}>{t(m.state)}</span>
      {m.adoption ? <DeadlineText state={m.adoption} unknownReason="unknownNoConstitution" /> : null}
    </span>
  );
}

/** The 30-day publication of the draft (pbl. § 10-1). */
export async function DraftState({ m }: { m: CountyFigure }) {
  if (!m.draft) return <span className="text-gray-700">–</span>;
  return <DeadlineText state={m.draft} unknownReason="unknownNoDraft" />;
}
