"use client";
// Takes a new plan out of the draft again (the plans it was to absorb stay, no longer absorbed).
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { FormAction } from "@/lib/action-core";

export function RemoveNewPlan({ action, periodId, itemId, version, title }: { action: FormAction<undefined>; periodId: number; itemId: number; version: number; title: string }) {
  const t = useTranslations("periods.draft");
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction}>
      <input type="hidden" name="periodId" value={periodId} />
      <input type="hidden" name="itemId" value={itemId} />
      <input type="hidden" name="version" value={version} />
      <button type="submit" disabled={pending} aria-label={t("removeNew", { plan: title })} className="ds-button" data-variant="secondary" data-color="danger" data-size="sm">{t("remove")}</button>
      {state && !state.ok ? <span role="alert" className="block text-sm font-medium text-red-800">{state.formError}</span> : null}
    </form>
  );
}
