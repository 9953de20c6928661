import type { Metadata } from "next";
import { cache } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { PrintButton } from "@/components/ui/print-button";
import { Section, EmptyNote } from "@/components/ui/section";
import { CompletionChart } from "@/components/periods/completion-chart";
import { DeadlineTable } from "@/components/periods/deadline-table";
import { PeriodFacts } from "@/components/periods/period-facts";
import { ProgramTable } from "@/components/periods/program-table";
import { requirePermission } from "@/lib/auth/guards";
import { todayInOslo } from "@/lib/dates";
import { parseId } from "@/lib/ids";
import { can } from "@/lib/permissions";
import { decisionKinds } from "@/lib/periods/completion";
import { programHref, programParamsSchema } from "@/lib/periods/params";
import { getPeriod, getProgramPage } from "@/lib/periods/queries";
import { draftParamsSchema } from "@/lib/periods/draft/schema";
import { DraftSections } from "@/components/periods/draft/draft-sections";
import { DeletePeriodForm } from "@/components/periods/delete-period-form";
import { ClientMessages } from "@/components/ui/client-messages";
import { deletePeriodAction } from "@/lib/periods/actions";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// Metadata and page read the period once per request.
const load = cache(async (raw: string) => {
  const id = parseId(raw);
  return id ? getPeriod(id) : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const period = await load((await params).id);
  return { title: period?.name ?? (await getTranslations("periods"))("title") };
}

/**
 * A planning strategy: its legal deadlines, and while it is a draft the workload and the draft
 * planprogram to adjust; once adopted (or with decisions recorded) how it is carried out and its
 * planprogram a page at a time.
 */
export default async function PeriodPage({ params, searchParams }: Props) {
  const user = await requirePermission("plan.read");
  const period = await load((await params).id);
  if (!period) notFound();
  const query = await searchParams;
  const { saved } = query;
  const programParams = programParamsSchema.parse(query);
  const today = todayInOslo();
  const { completion, total, page, pages, size, rows } = await getProgramPage(period, programParams, today);
  const t = await getTranslations("periods");
  const tEnum = await getTranslations("enums.strategyDecision");
  const tSheet = await getTranslations("spreadsheet");
  const groups = decisionKinds.map((kind) => ({ kind, decisions: rows.filter((d) => d.decision === kind) })).filter((g) => g.decisions.length > 0);
  return (
    <>
      <p className="no-print mb-4"><Link href="/periods" className="ds-link">{t("back")}</Link></p>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <PageHeader title={period.name} lead={t("electionPeriod", { period: `${period.startYear}–${period.endYear}` })} />
        <div className="no-print flex gap-3">
          {can(user.role, "plan.write") ? <Link href={`/periods/${period.id}/edit`} className="ds-button" data-variant="primary">{t("edit")}</Link> : null}
          <PrintButton label={(await getTranslations("common"))("print")} />
        </div>
      </div>
      {saved === "created" || saved === "updated" || saved === "adopted" ? <p role="status" className="ds-alert mb-4" data-color="success">{t(`saved.${saved}`)}</p> : null}
      <PeriodFacts period={period} />
      <Section id="deadlines" title={t("deadlines")}>
        <DeadlineTable period={period} today={today} />
      </Section>
      {period.adoptedOn ? null : <DraftSections period={period} params={draftParamsSchema.parse(query)} editable={can(user.role, "plan.write")} />}
      {!period.adoptedOn && total === 0 ? null : (
      <>
      <Section id="completion" title={t("completion")}>
        <p className="mb-3 max-w-3xl text-gray-700">{t("completionLead", { endYear: period.endYear })}</p>
        <CompletionChart completion={completion} />
      </Section>
      <Section id="program" title={t("program")}>
        <p className="mb-3 max-w-3xl text-gray-700">{t("programLead")}</p>
        {total > 0 ? (
          <p className="mb-3 flex flex-wrap gap-x-4">
            {/* Printed too: a printed page says which part of the program it is. */}
            {pages > 1 ? <span role="status">{t("programShowing", { from: (page - 1) * size + 1, to: (page - 1) * size + rows.length, total })}</span> : null}
            <a href={`/periods/${period.id}/download`} className="ds-link no-print" download>{t("download")}</a>
            <a href={`/periods/${period.id}/document?format=docx`} className="ds-link no-print" download>{tSheet("councilDocx")}</a>
            <a href={`/periods/${period.id}/document?format=xlsx`} className="ds-link no-print" download>{tSheet("councilXlsx")}</a>
          </p>
        ) : null}
        {groups.length === 0 ? <EmptyNote>{t("programEmpty")}</EmptyNote> : null}
        {groups.map((g, i) => (
          <section key={g.kind} aria-labelledby={`program-${g.kind}`} className={`mb-6 ${i > 0 ? "print:break-before-page" : ""}`}>
            <h3 id={`program-${g.kind}`} className="mb-2 text-lg font-semibold">{tEnum(g.kind)} ({completion.byKind[g.kind].total})</h3>
            <ProgramTable decisions={g.decisions} caption={t("programCaption", { kind: tEnum(g.kind) })} />
          </section>
        ))}
        <div className="no-print">
          <Pagination page={page} pages={pages} href={(p) => `${programHref(period.id, { ...programParams, page: p })}#program-heading`} />
        </div>
      </Section>
      </>
      )}
      {/* A draft can be deleted by an editor; an adopted strategy only by an admin, with a reason. */}
      {(period.adoptedOn ? user.role === "admin" : can(user.role, "plan.write")) ? (
        <div className="mt-10">
          <ClientMessages namespaces={["periods"]}><DeletePeriodForm action={deletePeriodAction} periodId={period.id} adopted={period.adoptedOn !== null} /></ClientMessages>
        </div>
      ) : null}
    </>
  );
}
