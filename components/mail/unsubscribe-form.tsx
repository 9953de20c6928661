"use client";
// The unsubscribe page's one button; after it, only the outcome.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { unsubscribeAction } from "@/lib/mail/actions";
import { FormMessage, SubmitButton } from "@/components/ui/form";

export function UnsubscribeForm({ token }: { token: string }) {
  const t = useTranslations("unsubscribe");
  const [state, action] = useActionState(unsubscribeAction, null);
  if (state?.ok) return <FormMessage state={state} />;
  return (
    <form action={action}>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton>{t("submit")}</SubmitButton>
    </form>
  );
}
