"use client";
// The mail log's test mail: to any address, sent at once; the outcome or the server's reason shows here.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { sendTestMailAction } from "@/lib/mail/actions";
import { Field, FormMessage, SubmitButton, fieldErrors, typedValue } from "@/components/ui/form";

export function TestMailForm({ defaultTo }: { defaultTo: string }) {
  const t = useTranslations("mailLog.test");
  const [state, action] = useActionState(sendTestMailAction, null);
  return (
    <form action={action} noValidate className="max-w-xl">
      <FormMessage state={state} />
      <Field name="to" label={t("to")} type="email" autoComplete="email" required defaultValue={typedValue(state, "to") ?? defaultTo} errors={fieldErrors(state, "to")} />
      <SubmitButton>{t("submit")}</SubmitButton>
    </form>
  );
}
