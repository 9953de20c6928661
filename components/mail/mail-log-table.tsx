// The mail log: one row per mail, newest first; a failure's or cancellation's reason in words.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DateTimeText } from "@/components/ui/date-text";
import { ScrollRegion } from "@/components/ui/scroll-region";
import type { MailLogRow } from "@/lib/mail/queries";

const statusColour: Record<string, string> = {
  sent: "text-green-900",
  failed: "text-red-800 font-semibold",
  retrying: "text-amber-900 font-semibold",
  not_sent: "text-gray-800",
};

export async function MailLogTable({ rows }: { rows: MailLogRow[] }) {
  const t = await getTranslations("mailLog");
  if (rows.length === 0) return <p className="rounded border border-[var(--ds-color-neutral-border-subtle)] bg-[var(--ds-color-neutral-background-default)] p-6">{t("none")}</p>;
  const th = "px-3 py-2 text-left font-semibold";
  return (
    <ScrollRegion label={t("caption")} className="overflow-x-auto rounded border border-[var(--ds-color-neutral-border-subtle)] bg-[var(--ds-color-neutral-background-default)]">
      <table className="ds-table" data-size="sm">
        <caption className="sr-only">{t("caption")}</caption>
        <thead>
          <tr>
            <th scope="col" className={th}>{t("columns.planned")}</th>
            <th scope="col" className={th}>{t("columns.to")}</th>
            <th scope="col" className={th}>{t("columns.kind")}</th>
            <th scope="col" className={th}>{t("columns.subject")}</th>
            <th scope="col" className={th}>{t("columns.status")}</th>
            <th scope="col" className={th}>{t("columns.attempts")}</th>
            <th scope="col" className={th}>{t("columns.finished")}</th>
            <th scope="col" className={th}>{t("columns.error")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={String(r.id)}>
              <td className="px-3 py-2 whitespace-nowrap"><DateTimeText value={r.plannedAt} /></td>
              <td className="px-3 py-2">{r.toAddress}</td>
              <td className="px-3 py-2">{t(`kind.${r.kind}`)}</td>
              <td className="px-3 py-2">{r.planId && r.subject ? <Link href={`/plans/${r.planId}`} className="ds-link">{r.subject}</Link> : (r.subject ?? "")}</td>
              <td className={`px-3 py-2 ${statusColour[r.status] ?? ""}`}>{t(`status.${r.status}`)}</td>
              <td className="px-3 py-2 text-right">{r.attempts}</td>
              <td className="px-3 py-2 whitespace-nowrap">{r.finishedAt ? <DateTimeText value={r.finishedAt} /> : ""}</td>
              <td className="px-3 py-2">{r.lastError ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
