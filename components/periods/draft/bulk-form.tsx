"use client";
// Bulk change: the rows ticked on this page, or every row under the current filter (done on the
// server in one statement, whatever their number). Only the fields chosen change.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { FormAction } from "@/lib/action-core";
import { FormMessage, SubmitButton, fieldErrors } from "@/components/ui/form";
import { UNDECIDED, type DraftFilter } from "@/lib/periods/draft/schema";
import { strategyDecisionKinds } from "@/lib/plans/schema";

const control = "ds-input w-full";

export function BulkForm({ action, periodId, filter, matching }: { action: FormAction<undefined>; periodId: number; filter: DraftFilter; matching: number }) {
  const t = useTranslations("periods.draft.bulk");
  const tDraft = useTranslations("periods.draft");
  const tEnum = useTranslations("enums.strategyDecision");
  const [state, formAction] = useActionState(action, null);
  const err = (name: string) => fieldErrors(state, name);
  return (
    <form id="draft-bulk" action={formAction} className="no-print mb-4 rounded border border-[var(--ds-color-neutral-border-subtle)] bg-[var(--ds-color-neutral-background-default)] p-3" aria-labelledby="draft-bulk-heading">
      <h3 id="draft-bulk-heading" className="mb-2 font-semibold">{t("heading")}</h3>
      <FormMessage state={state} />
      <input type="hidden" name="periodId" value={periodId} />
      <input type="hidden" name="filterQ" value={filter.q ?? ""} />
      <input type="hidden" name="filterDecision" value={filter.decision ?? ""} />
      <input type="hidden" name="filterUnit" value={filter.unit ?? ""} />
      <input type="hidden" name="filterType" value={filter.type ?? ""} />
      <input type="hidden" name="filterYear" value={filter.year ?? ""} />
      <fieldset className="mb-3">
        <legend className="mb-1 text-sm font-medium">{t("scope")}</legend>
        <label className="mr-4 inline-flex items-center gap-2"><input type="radio" name="scope" value="selected" defaultChecked aria-describedby={err("itemIds") ? "bulk-itemIds-error" : undefined} /> {t("selected")}</label>
        <label className="inline-flex items-center gap-2"><input type="radio" name="scope" value="filter" /> {t("filter", { count: matching })}</label>
        {err("itemIds") ? <p id="bulk-itemIds-error" className="ds-validation-message">{err("itemIds")!.join(" ")}</p> : null}
      </fieldset>
      <div className="grid grid-cols-1 items-end gap-3 sm:grid-cols-4">
        <div>
          <label htmlFor="bulk-setDecision" className="mb-1 block text-sm">{t("setDecision")}</label>
          <select id="bulk-setDecision" name="setDecision" defaultValue="" className={control} aria-invalid={err("setDecision") ? true : undefined} aria-describedby={err("setDecision") ? "bulk-setDecision-error" : undefined}>
            <option value="">{t("keep")}</option>
            <option value={UNDECIDED}>{tDraft("undecided")}</option>
            {strategyDecisionKinds.map((k) => <option key={k} value={k}>{tEnum(k)}</option>)}
          </select>
          {err("setDecision") ? <p id="bulk-setDecision-error" className="ds-validation-message">{err("setDecision")!.join(" ")}</p> : null}
        </div>
        <div>
          <label htmlFor="bulk-setTargetYear" className="mb-1 block text-sm">{t("setTargetYear")}</label>
          <input id="bulk-setTargetYear" name="setTargetYear" inputMode="numeric" className={control} aria-invalid={err("setTargetYear") ? true : undefined} aria-describedby={err("setTargetYear") ? "bulk-setTargetYear-error" : undefined} />
          {err("setTargetYear") ? <p id="bulk-setTargetYear-error" className="ds-validation-message">{err("setTargetYear")!.join(" ")}</p> : null}
        </div>
        <div>
          <label htmlFor="bulk-setUnit" className="mb-1 block text-sm">{t("setUnit")}</label>
          <input id="bulk-setUnit" name="setUnit" maxLength={200} className={control} />
        </div>
        <SubmitButton pendingLabel={tDraft("saving")}>{t("apply")}</SubmitButton>
      </div>
    </form>
  );
}
