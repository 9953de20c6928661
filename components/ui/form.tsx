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
    <div className="mb-4">
      <label htmlFor={inputId} className="mb-1 block font-medium text-gray-900">
        {label}
      </label>
      {hint ? <p id={hintId} className="mb-1 text-sm text-gray-700">{hint}</p> : null}
      <input
        id={inputId}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        className="block w-full max-w-md rounded border border-gray-500 bg-white px-3 py-2 text-gray-900 aria-[invalid=true]:border-red-700"
        {...input}
      />
      {errors?.length ? (
        <ul id={errorId} className="mt-1 text-sm font-medium text-red-800">
          {errors.map((e) => <li key={e}>{e}</li>)}
        </ul>
      ) : null}
    </div>
  );
}

type SelectProps = { name: string; label: string; options: { value: string; label: string }[]; defaultValue?: string; errors?: string[]; id?: string };

/** A labelled select. */
export function SelectField({ name, label, options, defaultValue, errors, id }: SelectProps) {
  const selectId = id ?? `field-${name}`;
  const errorId = errors?.length ? `${selectId}-error` : undefined;
  return (
    <div className="mb-4">
      <label htmlFor={selectId} className="mb-1 block font-medium text-gray-900">{label}</label>
      <select
        id={selectId}
        name={name}
        defaultValue={defaultValue}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errorId}
        className="block w-full max-w-md rounded border border-gray-500 bg-white px-3 py-2 text-gray-900"
      >
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
      {errors?.length ? <ul id={errorId} className="mt-1 text-sm font-medium text-red-800">{errors.map((e) => <li key={e}>{e}</li>)}</ul> : null}
    </div>
  );
}

/** The submit button; disabled with a progress label while the action runs. */
export function SubmitButton({ children, pendingLabel, variant = "primary" }: { children: ReactNode; pendingLabel?: string; variant?: "primary" | "danger" | "secondary" }) {
  const { pending } = useFormStatus();
  const colours = {
    primary: "bg-brand-700 text-white hover:bg-brand-800",
    danger: "bg-red-800 text-white hover:bg-red-900",
    secondary: "border border-brand-700 bg-white text-brand-700 hover:bg-gray-100",
  }[variant];
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={`rounded px-4 py-2 font-medium ${colours} disabled:opacity-70`}>
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}

/** The action's overall message: an alert for errors, a status for success. */
export function FormMessage({ state }: { state: ActionResult<unknown> | null }) {
  if (!state) return <div aria-live="polite" />;
  if (state.ok) {
    return state.message ? <p role="status" className="mb-4 rounded border border-green-700 bg-green-50 p-3 text-green-900">{state.message}</p> : null;
  }
  if (!state.formError) return null;
  return (
    <p role="alert" className="mb-4 rounded border border-red-700 bg-red-50 p-3 text-red-900">
      {state.formError}
      {state.link ? <> <a href={state.link.href} className="font-medium underline underline-offset-2">{state.link.label}</a></> : null}
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
