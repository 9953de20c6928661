"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { createUserAction } from "@/lib/users/actions";
import { Field, FormMessage, SelectField, SubmitButton, fieldErrors, typedValue } from "@/components/ui/form";
import { PasswordLink } from "./password-link";
import { roles } from "@/lib/permissions";

export function CreateUserForm({ linkHours }: { linkHours: number }) {
  const t = useTranslations("users.create");
  const tRole = useTranslations("enums.role");
  const [state, action] = useActionState(createUserAction, null);
  return (
    <>
      <FormMessage state={state} />
      {state?.ok ? <PasswordLink result={state.data} hours={linkHours} /> : null}
      <form action={action} noValidate>
        <Field name="name" label={t("name")} autoComplete="off" required defaultValue={typedValue(state, "name")} errors={fieldErrors(state, "name")} />
        <Field name="email" label={t("email")} type="email" autoComplete="off" required defaultValue={typedValue(state, "email")} errors={fieldErrors(state, "email")} />
        <SelectField name="role" label={t("role")} defaultValue={typedValue(state, "role") ?? "viewer"} options={roles.map((r) => ({ value: r, label: tRole(r) }))} errors={fieldErrors(state, "role")} />
        <SubmitButton>{t("submit")}</SubmitButton>
      </form>
    </>
  );
}
