"use client";
// The planning-strategy form, for creating and editing. Posts to a server action (works without
// JavaScript); a refused save shows every typed value again with each error next to its field.
import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { FormAction } from "@/lib/action-core";
import { Field, FormMessage, SelectField, SubmitButton, fieldErrors, typedValue } from "@/components/ui/form";
import { DateField } from "@/components/ui/date-field";
import { decisionBodies } from "@/lib/plans/schema";
import { PERIOD_LIMITS } from "@/lib/periods/schema";

export type PeriodFormValues = Record<string, string>;

export function PeriodForm({ action, initial, cancelHref }: { action: FormAction<void>; initial: PeriodFormValues; cancelHref: string }) {
  const t = useTranslations("periods");
  const tEnum = useTranslations("enums");
  const [state, formAction] = useActionState(action, null);
  const v = (name: string) => typedValue(state, name) ?? initial[name] ?? "";
  const field = (name: string, props: Record<string, unknown> = {}) => (
    <Field name={name} label={t(`fields.${name}` as "fields.name")} defaultValue={v(name)} errors={fieldErrors(state, name)} {...props} />
  );
  const date = (name: string, hint?: string) => (
    <DateField name={name} label={t(`fields.${name}` as "fields.name")} hint={hint} defaultValue={v(name)} errors={fieldErrors(state, name)} />
  );
  return (
    // Remount after each answer so the inputs show the restored values.
    <form key={JSON.stringify(state)} action={formAction} noValidate className="max-w-2xl">
      <FormMessage state={state} />
      {initial.id ? (
        <>
          <input type="hidden" name="id" value={initial.id} />
          <input type="hidden" name="loadedAt" value={initial.loadedAt} />
        </>
      ) : null}
      {field("name", { required: true, maxLength: PERIOD_LIMITS.name, hint: t("hints.name") })}
      <div className="grid max-w-md grid-cols-2 items-end gap-4">
        {field("startYear", { required: true, inputMode: "numeric", hint: t("hints.years") })}
        {field("endYear", { required: true, inputMode: "numeric" })}
      </div>
      {date("councilConstitutedOn", t("hints.councilConstitutedOn"))}
      {date("plannedMeetingOn", t("hints.plannedMeetingOn"))}
      {/* A new strategy is a draft: it is published and adopted on its page. An edit may correct those records. */}
      {initial.id ? (
        <>
          {date("draftPublishedOn")}
          {initial.adoptedOn ? (
            <>
              {date("adoptedOn")}
              <SelectField name="adoptedBy" label={t("fields.adoptedBy")} defaultValue={v("adoptedBy")} options={[{ value: "", label: t("none") }, ...decisionBodies.map((x) => ({ value: x, label: tEnum(`decisionBody.${x}`) }))]} errors={fieldErrors(state, "adoptedBy")} />
              {field("caseNumber", { maxLength: PERIOD_LIMITS.caseNumber })}
            </>
          ) : null}
          {field("decisionUrl", { type: "url" })}
        </>
      ) : null}
      <div className="mb-4">
        <label htmlFor="field-note" className="mb-1 block font-medium">{t("fields.note")}</label>
        <textarea id="field-note" name="note" rows={4} maxLength={PERIOD_LIMITS.note} defaultValue={v("note")} aria-describedby={fieldErrors(state, "note") ? "field-note-error" : undefined} className="ds-input w-full max-w-2xl" />
        {fieldErrors(state, "note") ? <ul id="field-note-error" className="ds-validation-message mt-1">{fieldErrors(state, "note")!.map((e) => <li key={e}>{e}</li>)}</ul> : null}
      </div>
      <div className="flex items-center gap-4">
        <SubmitButton pendingLabel={t("saving")}>{initial.id ? t("save") : t("create")}</SubmitButton>
        <Link href={cancelHref} className="ds-link">{t("cancel")}</Link>
      </div>
    </form>
  );
}
