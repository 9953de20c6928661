"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { changePasswordAction } from "@/lib/auth/actions";
import { Field, FormMessage, SubmitButton, fieldErrors } from "@/components/ui/form";

export function ChangePasswordForm() {
  const t = useTranslations("account");
  const [state, action] = useActionState(changePasswordAction, null);
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <Field name="current" label={t("current")} type="password" autoComplete="current-password" required errors={fieldErrors(state, "current")} />
      <Field name="password" label={t("new")} hint={t("passwordHint")} type="password" autoComplete="new-password" required errors={fieldErrors(state, "password")} />
      <Field name="confirm" label={t("confirm")} type="password" autoComplete="new-password" required errors={fieldErrors(state, "confirm")} />
      <SubmitButton>{t("submit")}</SubmitButton>
    </form>
  );
}
