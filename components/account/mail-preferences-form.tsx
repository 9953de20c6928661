"use client";
// The account page's mail choices: which kinds of mail, and their language.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { updateMailPreferencesAction } from "@/lib/mail/actions";
import { FormMessage, SelectField, SubmitButton, fieldErrors } from "@/components/ui/form";

type Prefs = { mailOwnerReminders: boolean; mailWeeklyDigest: boolean; mailQuarterlySummary: boolean; mailLocale: "nb" | "en" };

function Checkbox({ name, label, checked }: { name: string; label: string; checked: boolean }) {
  return (
    <div className="mb-2 flex items-start gap-2">
      <input id={`field-${name}`} name={name} type="checkbox" defaultChecked={checked} className="mt-1 size-4" />
      <label htmlFor={`field-${name}`} className="text-gray-900">{label}</label>
    </div>
  );
}

export function MailPreferencesForm({ prefs, weeklyDigest }: { prefs: Prefs; weeklyDigest: boolean }) {
  const t = useTranslations("mailPrefs");
  const tLang = useTranslations("common.language");
  const [state, action] = useActionState(updateMailPreferencesAction, null);
  // After a save the page re-renders with the stored values; the key makes the inputs take them.
  const key = JSON.stringify(prefs);
  return (
    <form action={action} key={key} noValidate className="max-w-2xl">
      <FormMessage state={state} />
      <fieldset className="mb-4">
        <legend className="mb-2 font-medium text-gray-900">{t("kinds")}</legend>
        <Checkbox name="mailOwnerReminders" label={t("ownerReminders")} checked={prefs.mailOwnerReminders} />
        {weeklyDigest ? <Checkbox name="mailWeeklyDigest" label={t("weeklyDigest")} checked={prefs.mailWeeklyDigest} /> : null}
        <Checkbox name="mailQuarterlySummary" label={t("quarterlySummary")} checked={prefs.mailQuarterlySummary} />
      </fieldset>
      <SelectField
        name="mailLocale"
        label={t("locale")}
        defaultValue={prefs.mailLocale}
        options={[{ value: "nb", label: tLang("nb") }, { value: "en", label: tLang("en") }]}
        errors={fieldErrors(state, "mailLocale")}
      />
      <SubmitButton>{t("submit")}</SubmitButton>
    </form>
  );
}
