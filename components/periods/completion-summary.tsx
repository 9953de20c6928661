import { getFormatter, getTranslations } from "next-intl/server";
import type { Rate } from "@/lib/periods/completion";

/** "Carried out: 2 of 4 decisions (50 %)" with a bar; or a note when there is nothing to count. */
export async function CompletionSummary({ overall }: { overall: Rate }) {
  const t = await getTranslations("overview");
  const format = await getFormatter();
  if (overall.rate === null) return <p className="text-gray-700">{t("completionNone")}</p>;
  const rate = format.number(overall.rate, { style: "percent", maximumFractionDigits: 0 });
  return (
    <div>
      <p className="font-medium">{t("completion", { done: overall.done, total: overall.total, rate })}</p>
      <div aria-hidden="true" className="print-exact mt-2 h-3 w-full max-w-md overflow-hidden rounded border border-gray-500 bg-white">
        <div className="h-full bg-green-700" style={{ width: `${overall.rate * 100}%` }} />
      </div>
    </div>
  );
}
