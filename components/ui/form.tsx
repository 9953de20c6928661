"use client";
// Accessible form building blocks: every input has a label, its errors are linked with
// aria-describedby and announced; the submit button shows progress.
import type { InputHTMLAttributes, ReactNode } from "react";
import { useFormStatus } from "react-dom";
import type { ActionResult } from "@/lib/action-core";

type FieldProps = InputHTMLAttributes<HTMLInputElement> & {
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
};

/** A labelled input with its hint and errors. */
export function Field({ name, label, hint, errors, id, ...input }: FieldProps) {
  const inputId = id ?? `field-${name}`;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = errors?.length ? `${inputId}-error` : undefined;
  return (
    <div className="ds-field mb-5">
      <label htmlFor={inputId} className="ds-label">
        {label}
      </label>
      {hint ? <p id={hintId} data-field="description">{hint}</p> : null}
      <input
        id={inputId}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        className="ds-input w-full max-w-md"
        {...input}
      />
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}

type SelectProps = { name: string; label: string; options: { value: string; label: string }[]; defaultValue?: string; errors?: string[]; id?: string };

/** A labelled select. */
export function SelectField({ name, label, options, defaultValue, errors, id }: SelectProps) {
  const selectId = id ?? `field-${name}`;
  const errorId = errors?.length ? `${selectId}-error` : undefined;
  return (
    <div className="ds-field mb-5">
      <label htmlFor={selectId} className="ds-label">{label}</label>
      <select
        id={selectId}
        name={name}
        defaultValue={defaultValue}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errorId}
        className="ds-input w-full max-w-md"
      >
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}

/** A field's errors as Designsystemet validation messages, linked from the input by `id`. */
export function FieldErrors({ id, errors }: { id?: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <div id={id} data-field="validation">
      {errors.map((e) => <p key={e} className="ds-validation-message">{e}</p>)}
    </div>
  );
}

/** The submit button; disabled with a progress label while the action runs. */
export function SubmitButton({ children, pendingLabel, variant = "primary" }: { children: ReactNode; pendingLabel?: string; variant?: "primary" | "danger" | "secondary" }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className="ds-button"
      data-variant={variant === "secondary" ? "secondary" : "primary"}
      data-color={variant === "danger" ? "danger" : undefined}
    >
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}

/** The action's overall message: an alert for errors, a status for success. */
export function FormMessage({ state }: { state: ActionResult<unknown> | null }) {
  if (!state) return <div aria-live="polite" />;
  if (state.ok) {
    return state.message ? <p role="status" className="ds-alert mb-4" data-color="success">{state.message}</p> : null;
  }
  if (!state.formError) return null;
  return (
    <p role="alert" className="ds-alert mb-4" data-color="danger">
      {state.formError}
      {state.link ? <> <a href={state.link.href} className="ds-link font-medium">{state.link.label}</a></> : null}
    </p>
  );
}

/** Field errors of a failed action, by field name. */
export function fieldErrors(state: ActionResult<unknown> | null, name: string): string[] | undefined {
  return state && !state.ok ? state.fieldErrors?.[name] : undefined;
}

/** The value the user typed, echoed back by a failed action. */
export function typedValue(state: ActionResult<unknown> | null, name: string): string | undefined {
  return state && !state.ok ? state.values?.[name] : undefined;
}
