"use client";
// The import's mapping step: one choice of field per column of the file, guessed from its header.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage, SubmitButton } from "@/components/ui/form";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { previewImportAction } from "@/lib/import/actions";

type Props = { upload: string; columns: { header: string; sample: string; field: string }[]; fields: { value: string; label: string }[] };

export function MappingForm({ upload, columns, fields }: Props) {
  const t = useTranslations("import.mapping");
  const [state, action] = useActionState(previewImportAction, null);
  const chosen = (i: number) => state && !state.ok ? (state.values?.[`col${i}`] ?? columns[i]!.field) : columns[i]!.field;
  return (
    <form key={JSON.stringify(state)} action={action}>
      <FormMessage state={state} />
      <input type="hidden" name="upload" value={upload} />
      <ScrollRegion label={t("caption")} className="mb-4 max-w-5xl">
        <table className="ds-table" data-size="sm">
          <caption className="sr-only">{t("caption")}</caption>
          <thead>
            <tr>
              <th scope="col" className="px-3 py-2">{t("column")}</th>
              <th scope="col" className="px-3 py-2">{t("sample")}</th>
              <th scope="col" className="px-3 py-2">{t("field")}</th>
            </tr>
          </thead>
          <tbody>
            {columns.map((c, i) => (
              <tr key={i} className="border-t border-gray-200">
                <th scope="row" id={`col${i}-header`} className="px-3 py-2 text-left font-medium">{c.header || `#${i + 1}`}</th>
                <td className="px-3 py-2 text-gray-800">{c.sample}</td>
                <td className="px-3 py-2">
                  <label htmlFor={`col${i}`} className="sr-only">{`${t("field")}: ${c.header || `#${i + 1}`}`}</label>
                  <select id={`col${i}`} name={`col${i}`} defaultValue={chosen(i)} className="ds-input w-auto" data-size="sm">
                    <option value="">{t("ignore")}</option>
                    {fields.map((f) => <option key={f.value} value={f.value}>{f.label}</option>)}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <SubmitButton>{t("submit")}</SubmitButton>
    </form>
  );
}
