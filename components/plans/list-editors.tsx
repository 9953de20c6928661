"use client";
// List editors for the plan form: document links and relations to other plans. Rows are plain
// inputs posted as parallel arrays; without JavaScript two blank rows are there to fill in.
import { useState } from "react";
import { useTranslations } from "next-intl";
import type { PlanOption } from "@/lib/plans/form-options";

type Errors = Record<string, string[]> | undefined;
const input = "block w-full rounded border border-gray-500 bg-white px-3 py-2";
let nextKey = 0;
const keyed = <T,>(rows: T[]) => rows.map((row) => ({ key: nextKey++, ...row }));

function RowErrors({ id, messages }: { id: string; messages?: string[] }) {
  return messages?.length ? <p id={id} className="mt-1 text-sm font-medium text-red-800">{messages.join(" ")}</p> : null;
}

export function DocumentListEditor({ initial, errors }: { initial: { label: string; url: string }[]; errors: Errors }) {
  const t = useTranslations("plans.form");
  const [rows, setRows] = useState(() => keyed(initial.length ? [...initial, { label: "", url: "" }] : [{ label: "", url: "" }, { label: "", url: "" }]));
  return (
    <div>
      <ol className="space-y-3">
        {rows.map((row, i) => {
          const labelErr = errors?.[`documentLabel.${i}`];
          const urlErr = errors?.[`documentUrl.${i}`];
          return (
            <li key={row.key}>
              <fieldset className="grid grid-cols-1 gap-2 rounded border border-gray-200 p-3 sm:grid-cols-[1fr_2fr_auto] sm:items-end">
                <legend className="px-1 text-sm text-gray-700">{t("documentRow", { n: i + 1 })}</legend>
                <div>
                  <label htmlFor={`doc-label-${row.key}`} className="mb-1 block text-sm font-medium">{t("documentLabel")}</label>
                  <input id={`doc-label-${row.key}`} name="documentLabel" defaultValue={row.label} maxLength={300} aria-invalid={labelErr ? true : undefined} aria-describedby={labelErr ? `doc-label-err-${row.key}` : undefined} className={input} />
                  <RowErrors id={`doc-label-err-${row.key}`} messages={labelErr} />
                </div>
                <div>
                  <label htmlFor={`doc-url-${row.key}`} className="mb-1 block text-sm font-medium">{t("documentUrl")}</label>
                  <input id={`doc-url-${row.key}`} name="documentUrl" type="url" inputMode="url" defaultValue={row.url} aria-invalid={urlErr ? true : undefined} aria-describedby={urlErr ? `doc-url-err-${row.key}` : undefined} className={input} />
                  <RowErrors id={`doc-url-err-${row.key}`} messages={urlErr} />
                </div>
                <button type="button" onClick={() => setRows(rows.filter((r) => r.key !== row.key))} className="rounded border border-gray-500 px-3 py-2 text-sm" aria-label={`${t("removeRow")}: ${t("documentRow", { n: i + 1 })}`}>
                  {t("removeRow")}
                </button>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => setRows([...rows, ...keyed([{ label: "", url: "" }])])} className="mt-3 rounded border border-brand-700 px-3 py-2 text-sm font-medium text-brand-700">
        {t("addDocument")}
      </button>
    </div>
  );
}

export function RelationListEditor({ initial, saved, plans, selfId, errors, kinds }: { initial: { kind: string; planId: string }[]; saved: { kind: string; planId: string }[]; plans: PlanOption[]; selfId?: number; errors: Errors; kinds: { value: string; label: string }[] }) {
  const t = useTranslations("plans.form");
  const [rows, setRows] = useState(() => keyed(initial.length ? [...initial, { kind: "supports", planId: "" }] : [{ kind: "supports", planId: "" }, { kind: "supports", planId: "" }]));
  const [query, setQuery] = useState("");
  const q = query.trim().toLowerCase();
  const others = plans.filter((p) => p.id !== selfId);
  const formErrors = errors?.relationPlanId;
  const update = (key: number, change: Partial<{ kind: string; planId: string }>) => setRows(rows.map((r) => (r.key === key ? { ...r, ...change } : r)));
  // Before saving, say what "replaces" will do to the other plan, and what removing it will not.
  const titleOf = (id: string) => plans.find((p) => String(p.id) === id)?.title ?? `#${id}`;
  const replacing = [...new Set(rows.filter((r) => r.kind === "replaces" && r.planId).map((r) => r.planId))];
  const dropped = [...new Set(saved.filter((r) => r.kind === "replaces" && r.planId && !replacing.includes(r.planId)).map((r) => r.planId))];
  return (
    <div>
      <p id="replaces-hint" className="mb-3 max-w-2xl text-sm text-gray-700">{t("replacesHint")}</p>
      <div aria-live="polite" className="max-w-2xl">
        {replacing.map((id) => <p key={`r${id}`} className="mb-2 rounded border border-amber-700 bg-amber-50 p-2 text-sm text-gray-900">{t("replacesWill", { title: titleOf(id) })}</p>)}
        {dropped.map((id) => <p key={`d${id}`} className="mb-2 rounded border border-amber-700 bg-amber-50 p-2 text-sm text-gray-900">{t("replacesDropped", { title: titleOf(id) })}</p>)}
      </div>
      <label htmlFor="relation-search" className="mb-1 block text-sm font-medium">{t("relationSearch")}</label>
      <input id="relation-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} className={`${input} mb-3 max-w-md`} />
      {formErrors?.length ? <p className="mb-2 text-sm font-medium text-red-800" role="alert">{formErrors.join(" ")}</p> : null}
      <ol className="space-y-3">
        {rows.map((row, i) => {
          const err = errors?.[`relationPlanId.${i}`] ?? errors?.[`relationKind.${i}`];
          const options = others.filter((p) => !q || p.title.toLowerCase().includes(q) || String(p.id) === row.planId);
          return (
            <li key={row.key}>
              <fieldset className="grid grid-cols-1 gap-2 rounded border border-gray-200 p-3 sm:grid-cols-[1fr_2fr_auto] sm:items-end">
                <legend className="px-1 text-sm text-gray-700">{t("relationRow", { n: i + 1 })}</legend>
                <div>
                  <label htmlFor={`rel-kind-${row.key}`} className="mb-1 block text-sm font-medium">{t("relationKind")}</label>
                  <select id={`rel-kind-${row.key}`} name="relationKind" value={row.kind} onChange={(e) => update(row.key, { kind: e.target.value })} className={input}>
                    {kinds.map((k) => <option key={k.value} value={k.value}>{k.label}</option>)}
                  </select>
                </div>
                <div>
                  <label htmlFor={`rel-plan-${row.key}`} className="mb-1 block text-sm font-medium">{t("relationPlan")}</label>
                  <select id={`rel-plan-${row.key}`} name="relationPlanId" value={row.planId} onChange={(e) => update(row.key, { planId: e.target.value })} aria-invalid={err ? true : undefined} aria-describedby={err ? `rel-err-${row.key}` : undefined} className={input}>
                    <option value="">{t("none")}</option>
                    {options.map((p) => <option key={p.id} value={p.id}>{p.title}</option>)}
                  </select>
                  <RowErrors id={`rel-err-${row.key}`} messages={err} />
                </div>
                <button type="button" onClick={() => setRows(rows.filter((r) => r.key !== row.key))} className="rounded border border-gray-500 px-3 py-2 text-sm" aria-label={`${t("removeRow")}: ${t("relationRow", { n: i + 1 })}`}>
                  {t("removeRow")}
                </button>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => setRows([...rows, ...keyed([{ kind: "supports", planId: "" }])])} className="mt-3 rounded border border-brand-700 px-3 py-2 text-sm font-medium text-brand-700">
        {t("addRelation")}
      </button>
    </div>
  );
}
