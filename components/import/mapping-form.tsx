"use client";
// The import's mapping step: one choice of field per column of the file, guessed from its header.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage, SubmitButton } from "@/components/ui/form";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { previewImportAction } from "@/lib/import/actions";

type Option = { value: string; label: string };
type Props = {
  upload: string; columns: { header: string; sample: string; field: string }[]; fields: Option[];
  defaults?: { status: string; adoptedBy: string }; statuses: Option[]; bodies: Option[];
};

export function MappingForm({ upload, columns, fields, defaults, statuses, bodies }: Props) {
  const t = useTranslations("import.mapping");
  const [state, action] = useActionState(previewImportAction, null);
  const echoed = (name: string, initial: string) => (state && !state.ok ? (state.values?.[name] ?? initial) : initial);
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
      <fieldset className="mb-4 max-w-3xl">
        <legend className="mb-1 font-medium text-gray-900">{t("defaults.legend")}</legend>
        <p id="defaults-hint" className="mb-2 text-sm text-gray-700">{t("defaults.hint")}</p>
        <div className="flex flex-wrap gap-6">
          <div>
            <label htmlFor="defaultStatus" className="mb-1 block">{t("defaults.status")}</label>
            <select id="defaultStatus" name="defaultStatus" defaultValue={echoed("defaultStatus", defaults?.status ?? "fromAdoption")} aria-describedby="defaults-hint" className="ds-input w-auto" data-size="sm">
              <option value="fromAdoption">{t("defaults.fromAdoption")}</option>
              {statuses.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor="defaultAdoptedBy" className="mb-1 block">{t("defaults.adoptedBy")}</label>
            <select id="defaultAdoptedBy" name="defaultAdoptedBy" defaultValue={echoed("defaultAdoptedBy", defaults?.adoptedBy ?? "")} aria-describedby="defaults-hint" className="ds-input w-auto" data-size="sm">
              <option value="">{t("defaults.none")}</option>
              {bodies.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
            </select>
          </div>
        </div>
      </fieldset>
      <SubmitButton>{t("submit")}</SubmitButton>
    </form>
  );
}
