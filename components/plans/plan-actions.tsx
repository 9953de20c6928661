"use client";
// The small forms on a plan's page: archive / restore, and a planning strategy's decision.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { archivePlanAction, recordDecisionAction, removeDecisionAction, restorePlanAction } from "@/lib/plans/actions";
import { Field, FormMessage, SelectField, SubmitButton, fieldErrors, typedValue } from "@/components/ui/form";
import { strategyDecisionKinds } from "@/lib/plans/schema";

export function ArchiveForm({ id, version, archived }: { id: number; version: number; archived: boolean }) {
  const t = useTranslations("plans.form");
  const [state, action] = useActionState(archived ? restorePlanAction : archivePlanAction, null);
  return (
    <form action={action}>
      <FormMessage state={state} />
      {state && !state.ok && state.details?.length ? <ul className="mb-3 list-disc pl-6 text-red-900">{state.details.map((d) => <li key={d}>{d}</li>)}</ul> : null}
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <p className="mb-3 text-gray-700">{t("archiveHint")}</p>
      <SubmitButton variant={archived ? "primary" : "secondary"}>{archived ? t("restore") : t("archive")}</SubmitButton>
    </form>
  );
}

export function DecisionForm({ planId, periods }: { planId: number; periods: { id: number; name: string }[] }) {
  const t = useTranslations("plans.decisionForm");
  const tEnum = useTranslations("enums.strategyDecision");
  const [state, action] = useActionState(recordDecisionAction, null);
  if (periods.length === 0) return <p className="text-gray-700">{t("noPeriods")}</p>;
  return (
    <form key={JSON.stringify(state)} action={action} noValidate className="max-w-xl">
      <FormMessage state={state} />
      <input type="hidden" name="planId" value={planId} />
      <SelectField name="periodId" id="decision-period" label={t("period")} defaultValue={typedValue(state, "periodId") ?? String(periods[0]!.id)} options={periods.map((p) => ({ value: String(p.id), label: p.name }))} errors={fieldErrors(state, "periodId")} />
      <SelectField name="decision" id="decision-kind" label={t("decision")} defaultValue={typedValue(state, "decision") ?? "revise"} options={strategyDecisionKinds.map((k) => ({ value: k, label: tEnum(k) }))} errors={fieldErrors(state, "decision")} />
      <Field name="targetYear" id="decision-year" label={t("targetYear")} inputMode="numeric" defaultValue={typedValue(state, "targetYear")} errors={fieldErrors(state, "targetYear")} />
      <Field name="note" id="decision-note" label={t("note")} maxLength={2000} defaultValue={typedValue(state, "note")} errors={fieldErrors(state, "note")} />
      <SubmitButton>{t("submit")}</SubmitButton>
    </form>
  );
}

/** Removes one planning strategy's decision about the plan (audited). */
export function RemoveDecisionForm({ planId, periodId, periodName }: { planId: number; periodId: number; periodName: string }) {
  const t = useTranslations("plans.decisionForm");
  const [state, action] = useActionState(removeDecisionAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="periodId" value={periodId} />
      <button type="submit" aria-label={t("removeLabel", { period: periodName })} className="rounded border border-red-800 px-2 py-1 text-red-800 hover:bg-red-50">{t("remove")}</button>
      {state && !state.ok ? <span role="alert" className="block text-sm font-medium text-red-800">{state.formError}</span> : null}
    </form>
  );
}
