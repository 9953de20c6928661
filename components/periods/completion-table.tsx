import { getFormatter, getTranslations } from "next-intl/server";
import { decisionKinds, type Completion, type Rate } from "@/lib/periods/completion";
import { ScrollRegion } from "@/components/ui/scroll-region";

/** Decisions carried out, in progress and not carried out, per kind and overall. */
export async function CompletionTable({ completion }: { completion: Completion }) {
  const t = await getTranslations("periods");
  const tEnum = await getTranslations("enums.strategyDecision");
  const format = await getFormatter();
  const cells = (r: Rate) => (
    <>
      <td className="px-3 py-2 text-right tabular-nums">{r.total}</td>
      <td className="px-3 py-2 text-right tabular-nums">{r.done}</td>
      <td className="px-3 py-2 text-right tabular-nums">{r.pending}</td>
      <td className="px-3 py-2 text-right tabular-nums">{r.notDone}</td>
      <td className="px-3 py-2 text-right tabular-nums">{r.rate === null ? t("noRate") : format.number(r.rate, { style: "percent", maximumFractionDigits: 0 })}</td>
    </>
  );
  return (
    <ScrollRegion label={t("completionCaption")}>
      <table className="ds-table" data-size="sm" data-testid="completion">
        <caption className="sr-only">{t("completionCaption")}</caption>
        <thead>
          <tr>
            <th scope="col" className="px-3 py-2 text-left font-semibold">{t("completionColumns.kind")}</th>
            {(["total", "done", "pending", "notDone", "rate"] as const).map((c) => (
              <th key={c} scope="col" className="px-3 py-2 text-right font-semibold">{t(`completionColumns.${c}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {decisionKinds.map((kind) => (
            <tr key={kind} data-kind={kind}>
              <th scope="row" className="px-3 py-2 text-left font-medium">{tEnum(kind)}</th>
              {cells(completion.byKind[kind])}
            </tr>
          ))}
          <tr data-kind="overall" className="bg-gray-50 font-semibold">
            <th scope="row" className="px-3 py-2 text-left">{t("overall")}</th>
            {cells(completion.overall)}
          </tr>
        </tbody>
      </table>
    </ScrollRegion>
  );
}
