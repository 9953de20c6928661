"use client";
// An address template field with a live preview of the link for an example value (lib/links.ts
// makes the links on the pages with the same function, so the preview is what visitors get).
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/form";
import { TEMPLATE_MAX } from "@/lib/links";

type Props = { name: string; label: string; hint: string; defaultValue: string; errors?: string[]; example: string; link: (template: string) => string | null };

export function LinkTemplateField({ name, label, hint, defaultValue, errors, example, link }: Props) {
  const t = useTranslations("settings");
  const [template, setTemplate] = useState(defaultValue);
  const href = template.trim() ? link(template.trim()) : null;
  return (
    <div className="mb-4">
      <Field name={name} label={label} hint={hint} type="url" inputMode="url" maxLength={TEMPLATE_MAX * 2} autoComplete="off" defaultValue={defaultValue} errors={errors} onChange={(e) => setTemplate(e.currentTarget.value)} />
      <p className="-mt-2 text-sm text-gray-800" aria-live="polite" data-testid={`${name}-preview`}>
        {t("preview", { example })}{" "}
        {href ? <a href={href} className="ds-link break-all" rel="noopener noreferrer">{href}</a> : <span>{t("previewNone")}</span>}
      </p>
    </div>
  );
}
