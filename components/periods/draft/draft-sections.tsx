import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/ui/client-messages";
import { Pagination } from "@/components/ui/pagination";
import { Section } from "@/components/ui/section";
import { isoDate } from "@/lib/dates";
import { addDraftPlanAction, adoptDraftAction, bulkUpdateDraftAction, publishDraftAction } from "@/lib/periods/draft/actions";
import { getDraftCounts, getDraftNewPlans, getDraftPage, getDraftUnits, getWorkload } from "@/lib/periods/draft/queries";
import type { DraftParams } from "@/lib/periods/draft/schema";
import type { Period } from "@/lib/periods/queries";
import { AdoptForm, PublishForm } from "./adopt-forms";
import { BulkForm } from "./bulk-form";
import { DraftFilters } from "./draft-filters";
import { DraftTable } from "./draft-table";
import { NewPlanForm } from "./new-plan-form";
import { WorkloadView } from "./workload";

/** The URL of the draft's page with `params` (defaults left out). */
export function draftHref(periodId: number, p: DraftParams): string {
  const q = new URLSearchParams();
  for (const key of ["q", "decision", "unit", "type", "year"] as const) if (p[key] !== null) q.set(key, String(p[key]));
  if (p.sort !== "title") q.set("sort", p.sort);
  if (p.dir !== "asc") q.set("dir", p.dir);
  if (p.size !== 50) q.set("size", String(p.size));
  if (p.page > 1) q.set("page", String(p.page));
  const s = q.toString();
  return `/periods/${periodId}${s ? `?${s}` : ""}`;
}

/** A draft planstrategy's working parts: workload, the adjustable planprogram, new plans, publish and adopt. */
export async function DraftSections({ period, params, editable }: { period: Period; params: DraftParams; editable: boolean }) {
  const t = await getTranslations("periods.draft");
  const tSheet = await getTranslations("spreadsheet");
  // One after the other: each is one bounded query.
  const counts = await getDraftCounts(period.id);
  const workload = await getWorkload(period, t("workload.otherUnits"), t("workload.noUnit"));
  const { rows, total, page, pages } = await getDraftPage(period.id, params);
  const units = await getDraftUnits(period.id);
  const newPlans = editable ? await getDraftNewPlans(period.id) : [];
  const years = Array.from({ length: period.endYear - period.startYear + 1 }, (_, k) => period.startYear + k);
  const day = (d: Date | null) => (d ? isoDate(d) : "");
  return (
    <ClientMessages namespaces={["periods", "enums", "validation", "dateField"]}>
      <p className="ds-alert mb-4 mt-6" data-color="warning" data-testid="draft-status">
        <strong>{t("status")}</strong> {t("statusLead")}
      </p>
      <Section id="workload" title={t("workload.title")}>
        <p className="mb-3 max-w-3xl text-gray-700">{t("workload.lead")}</p>
        <WorkloadView workload={workload} />
      </Section>
      <Section id="draft" title={t("title")}>
        <p className="mb-3 max-w-3xl text-gray-700">{t("lead")}</p>
        <p className="mb-3" data-testid="draft-counts">{t("counts", { total: counts.total, undecided: counts.undecided, flagged: counts.flagged })}</p>
        {counts.total > 0 ? (
          <p className="no-print mb-3 flex flex-wrap gap-x-4">
            {/* The whole draft, as it stands, through the council document exporter (the same as an adopted planprogram's). */}
            <a href={`/periods/${period.id}/document?format=docx&draft=1`} className="ds-link" download>{tSheet("councilDocx")}</a>
            <a href={`/periods/${period.id}/document?format=xlsx&draft=1`} className="ds-link" download>{tSheet("councilXlsx")}</a>
          </p>
        ) : null}
        <DraftFilters periodId={period.id} params={params} units={units} years={years} />
        {editable ? <BulkForm action={bulkUpdateDraftAction} periodId={period.id} filter={params} matching={total} /> : null}
        <p role="status" className="mb-2">{t("showing", { from: total === 0 ? 0 : (page - 1) * params.size + 1, to: (page - 1) * params.size + rows.length, total })}</p>
        {rows.length ? <DraftTable periodId={period.id} rows={rows} editable={editable} newPlans={newPlans} caption={t("caption")} /> : <p className="text-gray-700">{t("noRows")}</p>}
        <div className="no-print">
          <Pagination page={page} pages={pages} href={(p) => `${draftHref(period.id, { ...params, page: p })}#draft-heading`} />
        </div>
      </Section>
      {editable ? (
        <>
          <Section id="new-plan" title={t("newPlan.heading")}>
            <NewPlanForm action={addDraftPlanAction} periodId={period.id} />
          </Section>
          <Section id="adopt" title={t("adopt.sectionTitle")}>
            <PublishForm action={publishDraftAction} periodId={period.id} loadedAt={period.updatedAt.getTime()} draftPublishedOn={day(period.draftPublishedOn)} plannedMeetingOn={day(period.plannedMeetingOn)} />
            <AdoptForm action={adoptDraftAction} periodId={period.id} loadedAt={period.updatedAt.getTime()} draftPublishedOn={day(period.draftPublishedOn)} plannedMeetingOn={day(period.plannedMeetingOn)} />
          </Section>
        </>
      ) : null}
    </ClientMessages>
  );
}
