"use client";
// The operator's form for a new tenant with its host names and first user; the user's one-time
// link is shown once, on the new tenant's own host.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { createTenantAction } from "@/lib/tenants/actions";
import { tenantKinds } from "@/lib/tenants/schema";
import { Field, FormMessage, SelectField, SubmitButton, fieldErrors, typedValue } from "@/components/ui/form";
import { SecretLink } from "@/components/ui/secret-link";

export function CreateTenantForm({ linkHours }: { linkHours: number }) {
  const t = useTranslations("operator.create");
  const tKind = useTranslations("enums.tenantKind");
  const [state, action] = useActionState(createTenantAction, null);
  return (
    <>
      <FormMessage state={state} />
      {state?.ok ? (
        <SecretLink id="first-user-link" label={t("linkLabel", { name: state.data.adminName })} url={state.data.link} note={t("linkNote", { hours: linkHours, name: state.data.name })} />
      ) : null}
      <form action={action} noValidate>
        <SelectField name="kind" label={t("kind")} defaultValue={typedValue(state, "kind") ?? "municipality"} options={tenantKinds.map((k) => ({ value: k, label: tKind(k) }))} errors={fieldErrors(state, "kind")} />
        <Field name="name" label={t("name")} hint={t("nameHint")} autoComplete="off" required defaultValue={typedValue(state, "name")} errors={fieldErrors(state, "name")} />
        <Field name="kommunenummer" label={t("kommunenummer")} hint={t("kommunenummerHint")} inputMode="numeric" autoComplete="off" maxLength={4} defaultValue={typedValue(state, "kommunenummer")} errors={fieldErrors(state, "kommunenummer")} />
        <Field name="countyNumber" label={t("countyNumber")} hint={t("countyNumberHint")} inputMode="numeric" autoComplete="off" maxLength={2} defaultValue={typedValue(state, "countyNumber")} errors={fieldErrors(state, "countyNumber")} />
        <Field name="countyName" label={t("countyName")} autoComplete="off" defaultValue={typedValue(state, "countyName")} errors={fieldErrors(state, "countyName")} />
        <Field name="hosts" label={t("hosts")} hint={t("hostsHint")} autoComplete="off" required defaultValue={typedValue(state, "hosts")} errors={fieldErrors(state, "hosts")} />
        <Field name="adminName" label={t("adminName")} autoComplete="off" required defaultValue={typedValue(state, "adminName")} errors={fieldErrors(state, "adminName")} />
        <Field name="adminEmail" label={t("adminEmail")} hint={t("adminEmailHint")} type="email" autoComplete="off" required defaultValue={typedValue(state, "adminEmail")} errors={fieldErrors(state, "adminEmail")} />
        <SubmitButton pendingLabel={t("pending")}>{t("submit")}</SubmitButton>
      </form>
    </>
  );
}
