import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { Section, EmptyNote } from "@/components/ui/section";
import { DateText } from "@/components/ui/date-text";
import { DueText } from "@/components/schedule/due-text";
import { CompletionSummary } from "@/components/periods/completion-summary";
import { DeadlineText } from "@/components/periods/deadline-text";
import { FigureList } from "@/components/overview/figure-list";
import { DueChart } from "@/components/overview/due-chart";
import { redirect } from "next/navigation";
import { requirePermission, requireUser } from "@/lib/auth/guards";
import { can } from "@/lib/permissions";
import { cachedPageData } from "@/lib/page-data-cache";
import { todayInOslo } from "@/lib/dates";
import { getOverview } from "@/lib/overview";
import { periodLabel } from "@/lib/schedule/election";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { ClosingConsultations } from "@/components/stages/closing-consultations";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("overview"))("title") };
}

/** The landing page: what politicians need at a glance. */
export default async function OverviewPage() {
  // The platform's operator and the county office's users have no register: each lands on their own view.
  const role = (await requireUser()).role;
  if (can(role, "tenant.manage")) redirect("/operator");
  if (can(role, "county.read")) redirect("/county");
  const user = await requirePermission("plan.read");
  const today = todayInOslo();
  const { summary, nextDeadlines, dueYears, strategy } = await cachedPageData({ page: "overview", role: user.role, locale: await getLocale() }, () => getOverview(today));
  const t = await getTranslations("overview");
  const tEnum = await getTranslations("enums");
  const tDeadline = await getTranslations("deadline");
  const tCol = await getTranslations("schedule.columns");
  const format = await getFormatter();
  const period = periodLabel(summary.period);
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead", { date: format.dateTime(today, { dateStyle: "long", timeZone: "UTC" }) })} />
      <Section id="figures" title={t("figures")}>
        <FigureList
          items={[
            { id: "overdue", label: t("overdue"), value: summary.overdue, tone: summary.overdue > 0 ? "alert" : "plain", href: "/schedule?due=overdue&group=none" },
            { id: "dueThisYear", label: t("dueThisYear", { year: today.getUTCFullYear() }), value: summary.dueThisYear },
            { id: "dueThisPeriod", label: t("dueThisPeriod", { period }), value: summary.dueThisPeriod, href: `/schedule?period=${summary.period.startYear}&group=none` },
            { id: "dueSoon", label: t("dueSoon"), value: summary.dueSoon, tone: summary.dueSoon > 0 ? "warn" : "plain", href: "/schedule?due=soon&group=none" },
            { id: "withoutOwner", label: t("withoutOwner"), value: summary.withoutOwner },
            { id: "withoutDueDate", label: t("withoutDueDate"), value: summary.withoutDueDate, href: "/schedule?due=none&group=none" },
            { id: "active", label: t("active"), value: summary.total, href: "/schedule" },
          ]}
          linkLabel={t("showPlans")}
        />
      </Section>
      <Section id="due-years" title={t("dueYears")}>
        <DueChart data={dueYears} />
      </Section>
      <Section id="next" title={t("nextDeadlines")}>
        {nextDeadlines.length === 0 ? (
          <EmptyNote>{t("nextDeadlinesNone")}</EmptyNote>
        ) : (
          <ScrollRegion label={t("nextCaption")}>
            <table className="ds-table" data-size="sm">
              <caption className="sr-only">{t("nextCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col" className="px-3 py-2 text-left font-semibold">{tCol("plan")}</th>
                  <th scope="col" className="px-3 py-2 text-left font-semibold">{tCol("type")}</th>
                  <th scope="col" className="px-3 py-2 text-left font-semibold">{tCol("revisionDueOn")}</th>
                  <th scope="col" className="px-3 py-2 text-left font-semibold">{tCol("state")}</th>
                </tr>
              </thead>
              <tbody>
                {nextDeadlines.map((plan) => (
                  <tr key={plan.id}>
                    <th scope="row" className="px-3 py-2 text-left font-medium">
                      <Link href={`/plans/${plan.id}`} className="ds-link">{plan.title}</Link>
                    </th>
                    <td className="px-3 py-2">{tEnum(`planType.${plan.type}`)}</td>
                    <td className="whitespace-nowrap px-3 py-2"><DateText value={plan.revisionDueOn} /></td>
                    <td className="px-3 py-2"><DueText dueOn={plan.revisionDueOn} today={today} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        <p className="mt-3"><Link href="/schedule" className="ds-link">{t("schedule")}</Link></p>
      </Section>
      <ClosingConsultations />
      <Section id="strategy" title={t("strategy")}>
        {!strategy ? (
          <EmptyNote>{t("strategyEmpty")} {t("strategyNone", { period })}</EmptyNote>
        ) : (
          <div className="rounded border border-gray-300 bg-white p-4">
            {strategy.current && strategy.period.adoptedOn ? (
              <p className="mb-3">{t("strategyCurrent", { name: strategy.period.name })}</p>
            ) : strategy.current ? (
              // A draft is not a strategy yet: the law's warning stays until the council adopts it.
              <p className="mb-3 rounded border border-amber-600 bg-amber-50 p-3 text-amber-950" data-testid="strategy-draft">{t("strategyDraft", { name: strategy.period.name })} {t("strategyNone", { period })}</p>
            ) : (
              <p className="ds-alert mb-3" data-color="warning">{t("strategyNone", { period })} {t("strategyLatest", { name: strategy.period.name })}</p>
            )}
            <p className="mb-3">
              <span className="font-medium">{tDeadline("adoption")}: </span>
              <DeadlineText state={strategy.adoption} unknownReason="unknownNoConstitution" />
            </p>
            <CompletionSummary overall={strategy.completion.overall} />
            <p className="mt-3">
              <Link href={`/periods/${strategy.period.id}`} className="ds-link">{t("openProgram", { name: strategy.period.name })}</Link>
            </p>
          </div>
        )}
      </Section>
    </>
  );
}
