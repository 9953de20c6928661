"use client";
// The admin settings form. Posts to a server action (works without JavaScript); a refused save
// shows the typed values again with each error next to its field.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, FormMessage, SubmitButton, fieldErrors, typedValue } from "@/components/ui/form";
import { updateSettingsAction } from "@/lib/settings-actions";
import { SETTINGS_LIMITS } from "@/lib/settings-schema";
import { caseLink, EXAMPLE_CASE_NUMBER, EXAMPLE_NATIONAL_PLAN_ID, mapLink } from "@/lib/links";
import { LinkTemplateField } from "./link-template-field";

export type SettingsFormValues = { municipalityName: string; innsynEnabled: boolean; accessibilityContactEmail: string; reminderLeadMonths: string; caseLinkTemplate: string; mapLinkTemplate: string; loadedAt: string };

export function SettingsForm({ initial }: { initial: SettingsFormValues }) {
  const t = useTranslations("settings");
  const [state, action] = useActionState(updateSettingsAction, null);
  const v = (name: "municipalityName" | "accessibilityContactEmail" | "reminderLeadMonths" | "caseLinkTemplate" | "mapLinkTemplate") => typedValue(state, name) ?? initial[name];
  // After a refused save the checkbox shows what was posted (absent = not ticked).
  const innsyn = state && !state.ok ? typedValue(state, "innsynEnabled") === "on" : initial.innsynEnabled;
  return (
    <form key={JSON.stringify(state)} action={action} noValidate className="max-w-2xl">
      <FormMessage state={state} />
      <input type="hidden" name="loadedAt" value={initial.loadedAt} />
      <Field name="municipalityName" label={t("fields.municipalityName")} hint={t("hints.municipalityName")} maxLength={SETTINGS_LIMITS.municipalityName} autoComplete="organization" defaultValue={v("municipalityName")} errors={fieldErrors(state, "municipalityName")} />
      <div className="mb-4">
        <label className="flex items-center gap-2 font-medium">
          <input type="checkbox" name="innsynEnabled" defaultChecked={innsyn} className="h-4 w-4" aria-describedby="innsyn-hint" />
          {t("fields.innsynEnabled")}
        </label>
        <p id="innsyn-hint" className="mt-1 text-sm text-gray-700">{t("hints.innsynEnabled")}</p>
      </div>
      <Field name="accessibilityContactEmail" type="email" label={t("fields.accessibilityContactEmail")} hint={t("hints.accessibilityContactEmail")} maxLength={SETTINGS_LIMITS.email} autoComplete="email" defaultValue={v("accessibilityContactEmail")} errors={fieldErrors(state, "accessibilityContactEmail")} />
      <Field name="reminderLeadMonths" label={t("fields.reminderLeadMonths")} hint={t("hints.reminderLeadMonths")} maxLength={40} inputMode="numeric" defaultValue={v("reminderLeadMonths")} errors={fieldErrors(state, "reminderLeadMonths")} />
      <LinkTemplateField name="caseLinkTemplate" label={t("fields.caseLinkTemplate")} hint={t("hints.caseLinkTemplate")} defaultValue={v("caseLinkTemplate")} errors={fieldErrors(state, "caseLinkTemplate")} example={EXAMPLE_CASE_NUMBER} link={(template) => caseLink(template, EXAMPLE_CASE_NUMBER)} />
      <LinkTemplateField name="mapLinkTemplate" label={t("fields.mapLinkTemplate")} hint={t("hints.mapLinkTemplate")} defaultValue={v("mapLinkTemplate")} errors={fieldErrors(state, "mapLinkTemplate")} example={EXAMPLE_NATIONAL_PLAN_ID} link={(template) => mapLink(template, EXAMPLE_NATIONAL_PLAN_ID)} />
      <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
    </form>
  );
}
