"use client";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { signInAction } from "@/lib/auth/actions";
import { Field, FormMessage, SubmitButton, fieldErrors } from "@/components/ui/form";
import { ActionErrorBoundary, edgeMessage } from "@/components/ui/action-error-boundary";

/**
 * E-mail and password. The e-mail is kept in the browser: the server never echoes it back, and a
 * refusal by the HTTP edge (a body too large, a foreign origin) shows its message here with the
 * e-mail kept, as do too many attempts (the action's own answer).
 */
export function LoginForm({ next }: { next: string }) {
  const [email, setEmail] = useState("");
  const [refusal, setRefusal] = useState<{ message: string; attempt: number } | null>(null);
  const tEdge = useTranslations("edge");
  const tErrors = useTranslations("errors");
  const onError = (message: string) =>
    setRefusal((r) => ({
      message: edgeMessage(message, (["tooLarge", "foreignOrigin"] as const).map((k) => String(tEdge.raw(k)))) ?? tErrors("unexpected"),
      attempt: (r?.attempt ?? 0) + 1,
    }));
  return (
    <>
      {refusal ? <p role="alert" className="ds-alert mb-4" data-color="danger">{refusal.message}</p> : null}
      <ActionErrorBoundary key={refusal?.attempt ?? 0} onError={onError}>
        <SignInFields next={next} email={email} setEmail={setEmail} />
      </ActionErrorBoundary>
    </>
  );
}

function SignInFields({ next, email, setEmail }: { next: string; email: string; setEmail: (email: string) => void }) {
  const t = useTranslations("auth.login");
  const [state, action] = useActionState(signInAction, null);
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
