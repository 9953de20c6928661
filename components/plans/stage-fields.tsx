"use client";
// The plan form's sections for the process's stages (consultation) and the national codes of an
// area plan (docs/decisions/048, 049). Values and errors come from the plan form.
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/action-core";
import { Field, SelectField, fieldErrors } from "@/components/ui/form";
import { Section } from "@/components/ui/section";
import { DateField } from "@/components/ui/date-field";
import { PLAN_LIMITS } from "@/lib/plans/schema";
import { SOSI_PLANSTATUSES, SOSI_PLANTYPES } from "@/lib/plans/sosi";

type Props = { state: ActionResult<void> | null; v: (name: string) => string };

export function StageFields({ state, v }: Props) {
  const t = useTranslations("plans");
  const errors = (name: string) => fieldErrors(state, name);
  // Asked only once the form has warned about a long period (or it was ticked before).
  const askConfirm = [...(errors("consultationTo") ?? []), ...(errors("consultation2To") ?? [])].length > 0 || v("confirmLongConsultation") === "on";
  return (
    <Section id="stages" title={t("form.sectionStages")}>
      <p className="mb-4 max-w-2xl text-sm text-gray-700">{t("form.stagesHint")}</p>
      <DateField name="startNoticeOn" label={t("fields.startNoticeOn")} defaultValue={v("startNoticeOn")} errors={errors("startNoticeOn")} />
      <div className="grid max-w-2xl grid-cols-1 gap-x-4 sm:grid-cols-2">
        <DateField name="consultationFrom" label={t("fields.consultationFrom")} defaultValue={v("consultationFrom")} errors={errors("consultationFrom")} />
        <DateField name="consultationTo" label={t("fields.consultationTo")} defaultValue={v("consultationTo")} errors={errors("consultationTo")} />
      </div>
      <Field name="consultationUrl" type="url" label={t("fields.consultationUrl")} maxLength={PLAN_LIMITS.url} defaultValue={v("consultationUrl")} errors={errors("consultationUrl")} />
      <div className="grid max-w-2xl grid-cols-1 gap-x-4 sm:grid-cols-2">
        <DateField name="consultation2From" label={t("fields.consultation2From")} defaultValue={v("consultation2From")} errors={errors("consultation2From")} />
        <DateField name="consultation2To" label={t("fields.consultation2To")} defaultValue={v("consultation2To")} errors={errors("consultation2To")} />
      </div>
      <Field name="consultation2Url" type="url" label={t("fields.consultation2Url")} maxLength={PLAN_LIMITS.url} defaultValue={v("consultation2Url")} errors={errors("consultation2Url")} />
      {askConfirm ? (
        <label className="mb-4 flex items-center gap-2 font-medium">
          <input type="checkbox" name="confirmLongConsultation" defaultChecked={v("confirmLongConsultation") === "on"} className="h-4 w-4" />
          {t("form.confirmLongConsultation")}
        </label>
      ) : null}
    </Section>
  );
}

export function NationalFields({ state, v }: Props) {
  const t = useTranslations("plans");
  const tEnum = useTranslations("enums");
  const derived = { value: "", label: t("form.sosiDerived") };
  return (
    <Section id="national" title={t("form.sectionNational")}>
      <p className="mb-4 max-w-2xl text-sm text-gray-700">{t("form.nationalHint")}</p>
      <Field name="nationalPlanId" label={t("fields.nationalPlanId")} hint={t("form.nationalPlanIdHint")} maxLength={PLAN_LIMITS.nationalPlanId} autoComplete="off" defaultValue={v("nationalPlanId")} errors={fieldErrors(state, "nationalPlanId")} />
      <SelectField name="sosiPlantype" label={t("fields.sosiPlantype")} defaultValue={v("sosiPlantype")} errors={fieldErrors(state, "sosiPlantype")}
        options={[derived, ...SOSI_PLANTYPES.map((c) => ({ value: String(c), label: `${c} ${tEnum(`sosiPlantype.${c}`)}` }))]} />
      <SelectField name="sosiPlanstatus" label={t("fields.sosiPlanstatus")} defaultValue={v("sosiPlanstatus")} errors={fieldErrors(state, "sosiPlanstatus")}
        options={[derived, ...SOSI_PLANSTATUSES.map((c) => ({ value: String(c), label: `${c} ${tEnum(`sosiPlanstatus.${c}`)}` }))]} />
    </Section>
  );
}
