import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { DateText } from "@/components/ui/date-text";
import { DeadlineText } from "@/components/periods/deadline-text";
import { requirePermission } from "@/lib/auth/guards";
import { todayInOslo } from "@/lib/dates";
import { can } from "@/lib/permissions";
import { adoptionState } from "@/lib/periods/deadlines";
import { listPeriodsWithCompletion } from "@/lib/periods/queries";
import { ScrollRegion } from "@/components/ui/scroll-region";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("periods"))("title") };
}

export default async function PeriodsPage() {
  const user = await requirePermission("plan.read");
  const today = todayInOslo();
  const periods = await listPeriodsWithCompletion(today);
  const t = await getTranslations("periods");
  const format = await getFormatter();
  const columns = ["name", "years", "adoptedOn", "adoptionDeadline", "completion"] as const;
  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <PageHeader title={t("title")} lead={t("lead")} />
        {can(user.role, "plan.write") ? (
          <Link href="/periods/new" className="ds-button" data-variant="primary">{t("new")}</Link>
        ) : null}
      </div>
      {periods.length === 0 ? (
        <p className="rounded border border-[var(--ds-color-neutral-border-subtle)] bg-[var(--ds-color-neutral-background-tinted)] p-6">{t("empty")}</p>
      ) : (
        <ScrollRegion label={t("caption")}>
          <table className="ds-table" data-size="sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead>
              <tr>{columns.map((c) => <th key={c} scope="col" className="px-3 py-2 text-left font-semibold">{t(`columns.${c}`)}</th>)}</tr>
            </thead>
            <tbody>
              {periods.map((p) => {
                const { overall } = p.completion;
                return (
                  <tr key={p.id}>
                    <th scope="row" className="px-3 py-2 text-left font-medium">
                      <Link href={`/periods/${p.id}`} className="ds-link">{p.name}</Link>
                    </th>
                    <td className="whitespace-nowrap px-3 py-2">{p.startYear}–{p.endYear}</td>
                    <td className="whitespace-nowrap px-3 py-2">{p.adoptedOn ? <DateText value={p.adoptedOn} /> : t("draft.status")}</td>
                    <td className="px-3 py-2"><DeadlineText state={adoptionState(p, today)} unknownReason="unknownNoConstitution" /></td>
                    <td className="px-3 py-2">
                      {overall.rate === null ? t("noDecisions") : t("completionShort", { done: overall.done, total: overall.total, rate: format.number(overall.rate, { style: "percent", maximumFractionDigits: 0 }) })}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}
