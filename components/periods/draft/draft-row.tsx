"use client";
// One editable row of the draft planprogram. The inputs sit in the table's cells and belong to the
// row's form (form= attribute), which posts to a server action: works without JavaScript (the
// row's Lagre button); with it, a changed choice is saved at once. Saves of one row go one after
// the other, each from the version the previous one returned, and the inputs are never reset, so
// quick changes do not refuse each other. A refused save says why in the row.
import { useActionState, useRef, useState, type FormEvent, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult, FormAction } from "@/lib/action-core";
import { UNDECIDED } from "@/lib/periods/draft/schema";
import { strategyDecisionKinds } from "@/lib/plans/schema";

export type DraftRowData = {
  id: number; version: number; isNew: boolean; title: string; decision: string | null; targetYear: number | null;
  responsibleUnit: string | null; absorbedById: number | null;
};

const control = "ds-input w-full min-w-24";

export function DraftRow({ row, periodId, action, newPlans, leading, trailing }: {
  row: DraftRowData; periodId: number; action: FormAction<{ version: number }>; newPlans: { id: number; title: string }[];
  /** Cells before the editable ones (selection, plan, type, due date, reason). */
  leading: ReactNode;
  trailing?: ReactNode;
}) {
  const t = useTranslations("periods.draft");
  const tEnum = useTranslations("enums.strategyDecision");
  // Without JavaScript the form posts through useActionState; with it, onSubmit saves (and React skips the action).
  const [posted, formAction] = useActionState(action, null);
  const [saved, setState] = useState<ActionResult<{ version: number }> | null>(null);
  const state = saved ?? posted;
  const [pending, setPending] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const version = useRef(row.version);
  const busy = useRef(false);
  const again = useRef(false);
  const formId = `draft-row-${row.id}`;
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {};
  const typed = (name: string, saved: string) => (state && !state.ok ? state.values?.[name] ?? saved : saved);
  const messageId = `${formId}-message`;
  const invalid = (name: string) => (errors[name] ? true : undefined);
  const save = async (): Promise<void> => {
    if (!form.current) return;
    if (busy.current) {
      again.current = true;
      return;
    }
    busy.current = true;
    setPending(true);
    try {
      const data = new FormData(form.current);
      data.set("version", String(version.current));
      const result = await action(null, data);
      if (result.ok) version.current = result.data.version;
      setState(result);
    } catch {
      setState({ ok: false, code: "unavailable", formError: t("saveFailed") });
    } finally {
      busy.current = false;
      setPending(false);
    }
    if (again.current) {
      again.current = false;
      await save();
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };
  const label = (field: "decision" | "targetYear" | "unit" | "absorbedBy") => t("rowLabel", { field: t(`columns.${field}`), plan: row.title });
  return (
    <tr className="break-inside-avoid align-top" data-draft-row={row.id}>
      {leading}
      <td className="px-2 py-2">
        {row.isNew ? (
          <span>{tEnum("new")}</span>
        ) : (
          <select form={formId} name="decision" aria-label={label("decision")} defaultValue={typed("decision", row.decision ?? UNDECIDED)} onChange={() => void save()} aria-invalid={invalid("decision")} aria-describedby={messageId} className={control}>
            <option value={UNDECIDED}>{t("undecided")}</option>
            {strategyDecisionKinds.map((k) => <option key={k} value={k}>{tEnum(k)}</option>)}
          </select>
        )}
      </td>
      <td className="px-2 py-2">
        <input form={formId} name="targetYear" inputMode="numeric" aria-label={label("targetYear")} defaultValue={typed("targetYear", row.targetYear?.toString() ?? "")} onBlur={(e) => e.currentTarget.value !== e.currentTarget.defaultValue && void save()} aria-invalid={invalid("targetYear")} aria-describedby={messageId} className={`${control} w-20 tabular-nums`} size={5} />
      </td>
      <td className="px-2 py-2">
        <input form={formId} name="responsibleUnit" aria-label={label("unit")} defaultValue={typed("responsibleUnit", row.responsibleUnit ?? "")} onBlur={(e) => e.currentTarget.value !== e.currentTarget.defaultValue && void save()} aria-invalid={invalid("responsibleUnit")} aria-describedby={messageId} className={control} maxLength={200} />
      </td>
      <td className="px-2 py-2">
        {row.isNew ? (
          trailing
        ) : (
          <select form={formId} name="absorbedById" aria-label={label("absorbedBy")} defaultValue={typed("absorbedById", row.absorbedById?.toString() ?? "")} onChange={() => void save()} aria-invalid={invalid("absorbedById")} aria-describedby={messageId} className={control}>
            <option value="">{t("notAbsorbed")}</option>
            {newPlans.map((p) => <option key={p.id} value={p.id}>{p.title}</option>)}
          </select>
        )}
      </td>
      <td className="px-2 py-2">
        <form id={formId} ref={form} action={formAction} onSubmit={submit}>
          <input type="hidden" name="periodId" value={periodId} />
          <input type="hidden" name="itemId" value={row.id} />
          <input type="hidden" name="version" value={row.version} />
          <button type="submit" aria-disabled={pending} aria-label={t("rowSave", { plan: row.title })} className="ds-button" data-variant="secondary" data-size="sm">{pending ? t("saving") : t("save")}</button>
        </form>
        <div id={messageId} aria-live="polite" className="mt-1 text-sm">
          {state?.ok ? <span className="text-green-800">{state.message}</span> : null}
          {state && !state.ok ? (
            <span role="alert" className="font-medium text-red-800">{[state.formError, ...Object.values(errors).flat()].filter((m, i, all) => m && all.indexOf(m) === i).join(" ")}</span>
          ) : null}
        </div>
      </td>
    </tr>
  );
}
