"use client";
// Publishing the draft (records the date; blocks nothing) and recording the council's adoption,
// which turns the draft into the period's decisions. Both dates are typed the Norwegian way (DateField).
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { FormAction } from "@/lib/action-core";
import { DateField } from "@/components/ui/date-field";
import { Field, FormMessage, SelectField, SubmitButton, fieldErrors, typedValue } from "@/components/ui/form";
import { decisionBodies } from "@/lib/plans/schema";

type Props = { periodId: number; loadedAt: number; draftPublishedOn: string; plannedMeetingOn: string };

export function PublishForm({ action, periodId, loadedAt, draftPublishedOn }: Props & { action: FormAction<undefined> }) {
  const t = useTranslations("periods.draft.publish");
  const tDraft = useTranslations("periods.draft");
  const [state, formAction] = useActionState(action, null);
  return (
    <form key={JSON.stringify(state)} action={formAction} noValidate className="no-print mb-6 max-w-2xl rounded border border-[var(--ds-color-neutral-border-subtle)] bg-[var(--ds-color-neutral-background-default)] p-4" aria-labelledby="publish-heading">
      <h3 id="publish-heading" className="mb-2 text-lg font-semibold">{t("heading")}</h3>
      <FormMessage state={state} />
      <input type="hidden" name="periodId" value={periodId} />
      <input type="hidden" name="loadedAt" value={loadedAt} />
      <DateField id="publish-date" name="draftPublishedOn" label={t("date")} hint={t("hint")} defaultValue={typedValue(state, "draftPublishedOn") ?? draftPublishedOn} errors={fieldErrors(state, "draftPublishedOn")} />
      <SubmitButton variant="secondary" pendingLabel={tDraft("saving")}>{t("submit")}</SubmitButton>
    </form>
  );
}

export function AdoptForm({ action, periodId, loadedAt, plannedMeetingOn }: Props & { action: FormAction<void> }) {
  const t = useTranslations("periods.draft.adopt");
  const tDraft = useTranslations("periods.draft");
  const tEnum = useTranslations("enums.decisionBody");
  const [state, formAction] = useActionState(action, null);
  const v = (name: string, fallback = "") => typedValue(state, name) ?? fallback;
  return (
    <form key={JSON.stringify(state)} action={formAction} noValidate className="no-print max-w-2xl rounded border border-[var(--ds-color-neutral-border-subtle)] bg-[var(--ds-color-neutral-background-default)] p-4" aria-labelledby="adopt-heading">
      <h3 id="adopt-heading" className="mb-2 text-lg font-semibold">{t("heading")}</h3>
      <p className="mb-3 text-gray-700">{t("lead")}</p>
      <FormMessage state={state} />
      <input type="hidden" name="periodId" value={periodId} />
      <input type="hidden" name="loadedAt" value={loadedAt} />
      <DateField id="adopt-adoptedOn" name="adoptedOn" label={t("adoptedOn")} required defaultValue={v("adoptedOn", plannedMeetingOn)} errors={fieldErrors(state, "adoptedOn")} />
      <SelectField id="adopt-adoptedBy" name="adoptedBy" label={t("adoptedBy")} defaultValue={v("adoptedBy", "kommunestyret")} options={decisionBodies.map((b) => ({ value: b, label: tEnum(b) }))} errors={fieldErrors(state, "adoptedBy")} />
      <Field id="adopt-caseNumber" name="caseNumber" label={t("caseNumber")} maxLength={50} defaultValue={v("caseNumber")} errors={fieldErrors(state, "caseNumber")} />
      <SubmitButton pendingLabel={tDraft("saving")}>{t("submit")}</SubmitButton>
    </form>
  );
}
