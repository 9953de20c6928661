"use client";
import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { setPasswordAction } from "@/lib/auth/actions";
import { Field, FormMessage, SubmitButton, fieldErrors } from "@/components/ui/form";

export function SetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("auth.setPassword");
  const [state, action] = useActionState(setPasswordAction, null);
  if (state?.ok) {
    return (
      <>
        <FormMessage state={state} />
        <Link href="/login" className="ds-link">{t("toLogin")}</Link>
      </>
    );
  }
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <Field name="password" label={t("password")} type="password" autoComplete="new-password" required errors={fieldErrors(state, "password")} />
      <Field name="confirm" label={t("confirm")} type="password" autoComplete="new-password" required errors={fieldErrors(state, "confirm")} />
      <SubmitButton>{t("submit")}</SubmitButton>
    </form>
  );
}
