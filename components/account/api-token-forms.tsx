"use client";
// The account page's API tokens: make one (shown once, here) and revoke one. Work without
// JavaScript; typed input is kept when the form is refused.
import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { createApiTokenAction, revokeApiTokenAction } from "@/lib/api-tokens/actions";
import { Field, FormMessage, SubmitButton, fieldErrors, typedValue } from "@/components/ui/form";
import { SecretLink } from "@/components/ui/secret-link";

export function CreateApiTokenForm() {
  const t = useTranslations("apiTokens");
  const [state, action] = useActionState(createApiTokenAction, null);
  return (
    <div>
      <form action={action} noValidate>
        <FormMessage state={state} />
        <Field name="name" label={t("name")} hint={t("nameHint")} maxLength={100} required defaultValue={typedValue(state, "name")} errors={fieldErrors(state, "name")} />
        <Field name="expiresOn" label={t("expiresOn")} hint={t("expiresHint")} type="date" defaultValue={typedValue(state, "expiresOn")} errors={fieldErrors(state, "expiresOn")} />
        <SubmitButton pendingLabel={t("pending")}>{t("create")}</SubmitButton>
      </form>
      {state?.ok ? <SecretLink id="api-token" label={t("tokenLabel")} url={state.data.token} note={t("onceNote")} /> : null}
    </div>
  );
}

/**
 * Revoke one token. It stays mounted when its row turns "revoked", so the confirmation (a live
 * status) is shown there and focus moves to it instead of being lost with the button.
 */
export function RevokeApiTokenForm({ id, name, revoked }: { id: number; name: string; revoked: boolean }) {
  const t = useTranslations("apiTokens");
  const [state, action] = useActionState(revokeApiTokenAction, null);
  const outcome = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state) outcome.current?.focus();
  }, [state]);
  return (
    <div ref={outcome} tabIndex={-1}>
      <FormMessage state={state} />
      {revoked ? null : (
        <form action={action}>
          <input type="hidden" name="id" value={id} />
          <SubmitButton variant="danger" pendingLabel={t("pending")}>
            {t("revoke")}<span className="sr-only"> {name}</span>
          </SubmitButton>
        </form>
      )}
    </div>
  );
}
