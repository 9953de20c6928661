"use client";
// Deleting a planning strategy: a draft by an editor; an adopted one by an admin, with a reason.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { FormAction } from "@/lib/action-core";
import { FormMessage, SubmitButton, fieldErrors, typedValue } from "@/components/ui/form";

export function DeletePeriodForm({ action, periodId, adopted }: { action: FormAction<void>; periodId: number; adopted: boolean }) {
  const t = useTranslations("periods.delete");
  const [state, formAction] = useActionState(action, null);
  const errors = fieldErrors(state, "reason");
  return (
    <form key={JSON.stringify(state)} action={formAction} noValidate className="no-print max-w-2xl rounded border border-red-800 bg-white p-4" aria-labelledby="delete-heading">
      <h3 id="delete-heading" className="mb-2 text-lg font-semibold">{adopted ? t("heading") : t("draft")}</h3>
      <p className="mb-3 text-gray-700">{t("lead")}</p>
      <FormMessage state={state} />
      <input type="hidden" name="periodId" value={periodId} />
      {adopted ? (
        <div className="mb-4">
          <label htmlFor="delete-reason" className="mb-1 block font-medium">{t("reason")}</label>
          <textarea id="delete-reason" name="reason" rows={3} maxLength={5000} defaultValue={typedValue(state, "reason") ?? ""} aria-invalid={errors ? true : undefined} aria-describedby={errors ? "delete-reason-error" : undefined} className="ds-input w-full" />
          {errors ? <p id="delete-reason-error" className="ds-validation-message mt-1">{errors.join(" ")}</p> : null}
        </div>
      ) : null}
      <SubmitButton variant="danger">{adopted ? t("heading") : t("draft")}</SubmitButton>
    </form>
  );
}
