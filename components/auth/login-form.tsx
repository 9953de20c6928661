"use client";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { signInAction } from "@/lib/auth/actions";
import { Field, FormMessage, SubmitButton, fieldErrors } from "@/components/ui/form";

/** E-mail and password. The e-mail is kept in the browser: the server never echoes it back. */
export function LoginForm({ next }: { next: string }) {
  const t = useTranslations("auth.login");
  const [state, action] = useActionState(signInAction, null);
  const [email, setEmail] = useState("");
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="next" value={next} />
      <Field name="email" label={t("email")} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} errors={fieldErrors(state, "email")} />
      <Field name="password" label={t("password")} type="password" autoComplete="current-password" required errors={fieldErrors(state, "password")} />
      <SubmitButton pendingLabel={t("submitting")}>{t("submit")}</SubmitButton>
    </form>
  );
}
