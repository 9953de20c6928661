"use client";
// Apply the previewed import: one button; the answer (a conflict since the preview, say) shows above it.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage, SubmitButton } from "@/components/ui/form";
import { applyImportAction } from "@/lib/import/actions";

export function ApplyForm({ upload, count }: { upload: string; count: number }) {
  const t = useTranslations("import.preview");
  const [state, action] = useActionState(applyImportAction, null);
  return (
    <form action={action} className="mb-6">
      <FormMessage state={state} />
      <input type="hidden" name="upload" value={upload} />
      <SubmitButton pendingLabel={t("applying")}>{t("apply", { count })}</SubmitButton>
    </form>
  );
}
