"use client";
// Adding and removing a tenant's host names (the operator's tenant page).
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { addHostAction, removeHostAction } from "@/lib/tenants/actions";
import { Field, FormMessage, SubmitButton, fieldErrors, typedValue } from "@/components/ui/form";

export function AddHostForm({ tenantId }: { tenantId: number }) {
  const t = useTranslations("operator.hosts");
  const [state, action] = useActionState(addHostAction, null);
  return (
    <form action={action} noValidate className="mt-4">
      <FormMessage state={state} />
      <input type="hidden" name="tenantId" value={tenantId} />
      <Field name="host" label={t("add")} hint={t("addHint")} autoComplete="off" required defaultValue={typedValue(state, "host")} errors={fieldErrors(state, "host")} />
      <SubmitButton>{t("addSubmit")}</SubmitButton>
    </form>
  );
}

export function RemoveHostForm({ tenantId, host }: { tenantId: number; host: string }) {
  const t = useTranslations("operator.hosts");
  const [state, action] = useActionState(removeHostAction, null);
  const error = state && !state.ok ? (state.fieldErrors?.host?.[0] ?? state.formError) : undefined;
  return (
    <form action={action} className="inline">
      <input type="hidden" name="tenantId" value={tenantId} />
      <input type="hidden" name="host" value={host} />
      <button type="submit" className="ds-button" data-variant="tertiary" data-size="sm" aria-label={t("removeLabel", { host })}>{t("remove")}</button>
      {error ? <p role="alert" className="ds-validation-message">{error}</p> : null}
    </form>
  );
}
