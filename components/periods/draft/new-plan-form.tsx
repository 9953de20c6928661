"use client";
// Adds a new plan the strategy will make. Which existing plans it absorbs is chosen on their rows.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { FormAction } from "@/lib/action-core";
import { Field, FormMessage, SelectField, SubmitButton, fieldErrors, typedValue } from "@/components/ui/form";
import { planTypes } from "@/lib/plans/schema";
import { DRAFT_LIMITS } from "@/lib/periods/draft/schema";

export function NewPlanForm({ action, periodId }: { action: FormAction<undefined>; periodId: number }) {
  const t = useTranslations("periods.draft.newPlan");
  const tDraft = useTranslations("periods.draft");
  const tEnum = useTranslations("enums.planType");
  const [state, formAction] = useActionState(action, null);
  const v = (name: string, fallback = "") => typedValue(state, name) ?? fallback;
  return (
    <form key={JSON.stringify(state)} action={formAction} noValidate className="no-print max-w-2xl rounded border border-[var(--ds-color-neutral-border-subtle)] bg-[var(--ds-color-neutral-background-default)] p-4">
      <FormMessage state={state} />
      <p className="mb-3 text-gray-700">{t("lead")}</p>
      <input type="hidden" name="periodId" value={periodId} />
      <Field id="new-title" name="title" label={t("title")} required maxLength={DRAFT_LIMITS.title} defaultValue={v("title")} errors={fieldErrors(state, "title")} />
      <SelectField id="new-type" name="type" label={t("type")} defaultValue={v("type", "strategi")} options={planTypes.map((p) => ({ value: p, label: tEnum(p) }))} errors={fieldErrors(state, "type")} />
      <div className="grid max-w-md grid-cols-2 gap-4">
        <Field id="new-targetYear" name="targetYear" label={t("targetYear")} inputMode="numeric" defaultValue={v("targetYear")} errors={fieldErrors(state, "targetYear")} />
        <Field id="new-responsibleUnit" name="responsibleUnit" label={t("unit")} maxLength={DRAFT_LIMITS.unit} defaultValue={v("responsibleUnit")} errors={fieldErrors(state, "responsibleUnit")} />
      </div>
      <SubmitButton pendingLabel={tDraft("saving")}>{t("add")}</SubmitButton>
    </form>
  );
}
