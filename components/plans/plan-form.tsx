"use client";
// The plan form, for creating and editing. Posts to a server action (works without JavaScript);
// after a refused save every typed value comes back and each error stands next to its field.
import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult, FormAction } from "@/lib/action-core";
import { Field, FormMessage, SelectField, SubmitButton, fieldErrors } from "@/components/ui/form";
import { Section } from "@/components/ui/section";
import { DateField } from "@/components/ui/date-field";
import type { PlanFormInitial, PlanFormOptions } from "@/lib/plans/form-options";
import { decisionBodies, planStatuses, planTypes, relationKinds, PLAN_LIMITS } from "@/lib/plans/schema";
import { SdgPicker } from "./sdg-picker";
import { DocumentListEditor, RelationListEditor } from "./list-editors";
import { NationalFields, StageFields } from "./stage-fields";

type Props = { action: FormAction<void>; initial: PlanFormInitial; options: PlanFormOptions; cancelHref: string };

// The values to show: what the user sent in a refused save, otherwise the plan's own.
function restore(state: ActionResult<void> | null, initial: PlanFormInitial): PlanFormInitial {
  const sent = state && !state.ok ? state.values : undefined;
  if (!sent) return initial;
  const listOf = (name: string) => Object.keys(sent).filter((k) => k.startsWith(`${name}.`)).sort((a, b) => Number(a.split(".")[1]) - Number(b.split(".")[1])).map((k) => sent[k]!);
  const single = (name: string) => (sent[name] !== undefined ? [sent[name]!] : listOf(name));
  const labels = single("documentLabel");
  const urls = single("documentUrl");
  const kinds = single("relationKind");
  const plans = single("relationPlanId");
  return {
    fields: { ...Object.fromEntries(Object.entries(sent).filter(([k]) => !k.includes("."))), id: initial.fields.id ?? "", version: initial.fields.version ?? "" },
    targets: single("targets"),
    documents: labels.map((label, i) => ({ label, url: urls[i] ?? "" })).filter((d) => d.label || d.url),
    relations: plans.map((planId, i) => ({ kind: kinds[i] ?? "supports", planId })).filter((r) => r.planId),
  };
}

export function PlanForm({ action, initial, options, cancelHref }: Props) {
  const t = useTranslations("plans");
  const tEnum = useTranslations("enums");
  const [state, formAction] = useActionState(action, null);
  const values = restore(state, initial);
  const v = (name: string) => values.fields[name] ?? "";
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const editing = Boolean(initial.fields.id);
  return (
    // Remount after each answer so the inputs show the restored values.
    <form key={JSON.stringify(state)} action={formAction} noValidate>
      <FormMessage state={state} />
      {state && !state.ok && state.details?.length ? (
        <ul className="-mt-2 mb-4 list-disc rounded border border-red-700 bg-red-50 p-3 pl-8 text-red-900">
          {state.details.map((d) => <li key={d}>{d}</li>)}
        </ul>
      ) : null}
      {editing ? (
        <>
          <input type="hidden" name="id" value={initial.fields.id} />
          <input type="hidden" name="version" value={initial.fields.version} />
        </>
      ) : null}
      <Section id="basics" title={t("form.sectionBasics")}>
        <Field name="title" label={t("fields.title")} required maxLength={PLAN_LIMITS.title} defaultValue={v("title")} errors={fieldErrors(state, "title")} />
        <SelectField name="type" label={t("fields.type")} defaultValue={v("type")} options={planTypes.map((x) => ({ value: x, label: tEnum(`planType.${x}`) }))} errors={fieldErrors(state, "type")} />
        <SelectField name="status" label={t("fields.status")} defaultValue={v("status")} options={planStatuses.map((x) => ({ value: x, label: tEnum(`planStatus.${x}`) }))} errors={fieldErrors(state, "status")} />
        <Field name="responsibleUnit" label={t("fields.responsibleUnit")} maxLength={PLAN_LIMITS.unit} defaultValue={v("responsibleUnit")} errors={fieldErrors(state, "responsibleUnit")} />
        <SelectField name="ownerId" label={t("fields.ownerId")} defaultValue={v("ownerId")} options={[{ value: "", label: t("form.none") }, ...options.owners.map((o) => ({ value: String(o.id), label: o.title }))]} errors={fieldErrors(state, "ownerId")} />
        <div className="mb-4">
          <label htmlFor="field-summary" className="mb-1 block font-medium">{t("fields.summary")}</label>
          <textarea id="field-summary" name="summary" rows={4} maxLength={PLAN_LIMITS.summary} defaultValue={v("summary")} className="block w-full max-w-2xl rounded border border-gray-500 bg-white px-3 py-2" />
        </div>
        <label className="mb-4 flex items-center gap-2 font-medium">
          <input type="checkbox" name="legallyRequired" defaultChecked={v("legallyRequired") === "on"} className="h-4 w-4" />
          {t("fields.legallyRequired")}
        </label>
        <label className="mb-4 flex items-center gap-2 font-medium">
          <input type="checkbox" name="publicDraft" defaultChecked={v("publicDraft") === "on"} className="h-4 w-4" aria-describedby="public-draft-hint" />
          {t("fields.publicDraft")}
        </label>
        <p id="public-draft-hint" className="-mt-3 mb-4 text-sm text-gray-700">{t("form.publicDraftHint")}</p>
      </Section>
      <Section id="adoption" title={t("form.sectionAdoption")}>
        <DateField name="adoptedOn" label={t("fields.adoptedOn")} defaultValue={v("adoptedOn")} errors={fieldErrors(state, "adoptedOn")} />
        <SelectField name="adoptedBy" label={t("fields.adoptedBy")} defaultValue={v("adoptedBy")} options={[{ value: "", label: t("form.none") }, ...decisionBodies.map((x) => ({ value: x, label: tEnum(`decisionBody.${x}`) }))]} errors={fieldErrors(state, "adoptedBy")} />
        <Field name="caseNumber" label={t("fields.caseNumber")} maxLength={PLAN_LIMITS.caseNumber} defaultValue={v("caseNumber")} errors={fieldErrors(state, "caseNumber")} />
        <Field name="decisionUrl" label={t("fields.decisionUrl")} type="url" defaultValue={v("decisionUrl")} errors={fieldErrors(state, "decisionUrl")} />
        <DateField name="revisionDueOn" label={t("fields.revisionDueOn")} defaultValue={v("revisionDueOn")} errors={fieldErrors(state, "revisionDueOn")} />
        <div className="grid max-w-md grid-cols-2 gap-4">
          <Field name="periodFromYear" label={t("fields.periodFromYear")} inputMode="numeric" defaultValue={v("periodFromYear")} errors={fieldErrors(state, "periodFromYear")} />
          <Field name="periodToYear" label={t("fields.periodToYear")} inputMode="numeric" defaultValue={v("periodToYear")} errors={fieldErrors(state, "periodToYear")} />
        </div>
      </Section>
      <StageFields state={state} v={v} />
      <NationalFields state={state} v={v} />
      <Section id="sdg" title={t("form.sectionSdg")}>
        <SdgPicker goals={options.goals} selected={values.targets} errors={fieldErrors(state, "targets")} />
      </Section>
      <Section id="documents" title={t("form.sectionDocuments")}>
        <DocumentListEditor initial={values.documents} errors={errors} />
      </Section>
      <Section id="relations" title={t("form.sectionRelations")}>
        <RelationListEditor initial={values.relations} saved={initial.relations} plans={options.plans} selfId={editing ? Number(initial.fields.id) : undefined} errors={errors} kinds={relationKinds.map((k) => ({ value: k, label: tEnum(`relationOutgoing.${k}`) }))} />
      </Section>
      <div className="mt-8 flex items-center gap-4">
        <SubmitButton>{editing ? t("form.save") : t("form.create")}</SubmitButton>
        <Link href={cancelHref} className="ds-link">{t("form.cancel")}</Link>
      </div>
    </form>
  );
}
