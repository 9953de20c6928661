import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { EmptyNote, Section } from "@/components/ui/section";
import type { PlanHistory } from "@/lib/plans/history";
import type { FieldChange } from "@/lib/plans/snapshot";
import { fieldValueText } from "./field-value";

/** What was added to and removed from a list field. */
function listDiff(from: unknown, to: unknown, show: (item: unknown) => string) {
  const a = (Array.isArray(from) ? from : []).map(show);
  const b = (Array.isArray(to) ? to : []).map(show);
  return { added: b.filter((x) => !a.includes(x)), removed: a.filter((x) => !b.includes(x)) };
}

/** Every create, edit, archive and restore, newest first, with the fields it changed. */
export async function PlanHistoryView({ history }: { history: PlanHistory }) {
  const t = await getTranslations();
  const format = await getFormatter();
  const value = await fieldValueText(history.ownerNames);
  const eventLabel = (entry: PlanHistory["entries"][number]) =>
    entry.importFile !== undefined ? t("plans.history.events.plan_imported", { file: entry.importFile }) : t(`plans.history.events.${entry.type.replace(".", "_") as "plan_updated"}`);
  const lists = (diff: { added: string[]; removed: string[] }) => ({
    from: diff.removed.length ? t("plans.history.removed", { items: diff.removed.join(", ") }) : "",
    to: diff.added.length ? t("plans.history.added", { items: diff.added.join(", ") }) : "",
  });
  const describe = (c: FieldChange): { from: string; to: string } => {
    if (c.field === "targets") return lists(listDiff(c.from, c.to, String));
    if (c.field === "documents") return lists(listDiff(c.from, c.to, (d) => `${(d as { label: string }).label} <${(d as { url: string }).url}>`));
    if (c.field === "relations")
      return lists(listDiff(c.from, c.to, (r) => { const x = r as { kind: "supports"; toPlanId: number }; return `${t(`enums.relationOutgoing.${x.kind}`)} ${history.planTitles.get(x.toPlanId) ?? `#${x.toPlanId}`}`; }));
    return { from: value(c.field, c.from), to: value(c.field, c.to) };
  };
  return (
    <Section id="history" title={t("plans.history.title")}>
      {history.entries.length === 0 ? (
        <EmptyNote>{t("plans.history.none")}</EmptyNote>
      ) : (
        <>
        {history.total > history.entries.length ? <p className="mb-3 text-sm text-gray-700">{t("plans.history.latest", { shown: history.entries.length, total: history.total })}</p> : null}
        <ol className="space-y-4">
          {history.entries.map((entry) => (
            <li key={entry.id} className="rounded border border-gray-300 bg-white p-4">
              <p className="font-medium">
                {eventLabel(entry)}
                {entry.replacedBy ? <> {t("plans.history.replacedBy")} <Link href={`/plans/${entry.replacedBy.id}`} className="ds-link">{entry.replacedBy.title}</Link></> : null}
                {" "}— {entry.actorName ?? t("plans.history.system")},{" "}
                <time dateTime={entry.at.toISOString()}>{format.dateTime(entry.at, { dateStyle: "medium", timeStyle: "short" })}</time>
              </p>
              {entry.decision ? (
                <p className="mt-1 text-sm">{String(entry.decision.period)}: {t(`enums.strategyDecision.${entry.decision.decision as "new"}`)}{entry.decision.targetYear ? ` (${String(entry.decision.targetYear)})` : ""}</p>
              ) : entry.changes.length ? (
                <table className="mt-2 w-full text-sm [overflow-wrap:anywhere]">
                  <caption className="sr-only">{t("plans.history.caption")}</caption>
                  <thead>
                    <tr className="text-left text-gray-700">
                      <th scope="col" className="py-1 pr-4 font-semibold">{t("plans.history.field")}</th>
                      <th scope="col" className="py-1 pr-4 font-semibold">{t("plans.history.from")}</th>
                      <th scope="col" className="py-1 font-semibold">{t("plans.history.to")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {entry.changes.map((c) => {
                      const d = describe(c);
                      return (
                        <tr key={c.field} className="border-t border-gray-200 align-top">
                          <th scope="row" className="py-1 pr-4 text-left font-medium">{t(`plans.fields.${c.field}`)}</th>
                          <td className="py-1 pr-4">{d.from}</td>
                          <td className="py-1">{d.to}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              ) : null}
            </li>
          ))}
        </ol>
        </>
      )}
    </Section>
  );
}
