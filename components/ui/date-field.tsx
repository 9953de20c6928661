"use client";
// A date as Norwegians write it: a text input (so a half-typed or impossible date reaches the
// server and is refused there too, instead of the browser sending nothing), with the format as a
// hint. With JavaScript, leaving the field checks it with the server's own parser and writes a
// valid date as dd.mm.åååå. Needs the "dateField" messages (ClientMessages).
import { useState } from "react";
import { useTranslations } from "next-intl";
import { formatDateInput, parseDateInput } from "@/lib/date-input";

type Props = { name: string; label: string; defaultValue?: string; errors?: string[]; hint?: string; id?: string; required?: boolean };

export function DateField({ name, label, defaultValue = "", errors, hint, id, required }: Props) {
  const t = useTranslations("dateField");
  const [clientError, setClientError] = useState<string | null>(null);
  const inputId = id ?? `field-${name}`;
  const hintId = `${inputId}-hint`;
  // The server's errors until the user changes the field; then the browser's own check.
  const [edited, setEdited] = useState(false);
  const shown = edited ? (clientError ? [clientError] : []) : (errors ?? []);
  const errorId = shown.length ? `${inputId}-error` : undefined;
  return (
    <div className="mb-4">
      <label htmlFor={inputId} className="mb-1 block font-medium text-gray-900">{label}</label>
      <p id={hintId} className="mb-1 text-sm text-gray-700">{hint ? `${hint} ` : ""}{t("hint")}</p>
      <input
        id={inputId}
        name={name}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        maxLength={40}
        required={required}
        defaultValue={formatDateInput(defaultValue)}
        aria-invalid={shown.length ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ")}
        onChange={() => setEdited(true)}
        onBlur={(e) => {
          const text = e.currentTarget.value;
          if (!edited) return;
          if (!text.trim()) return setClientError(null);
          const iso = parseDateInput(text);
          if (iso) e.currentTarget.value = formatDateInput(iso);
          // Leaving the field for the submit button: showing or hiding the message now would move
          // the button between mousedown and click, and the click would be lost. The server answers.
          if ((e.relatedTarget as HTMLElement | null)?.getAttribute("type") === "submit") return;
          setClientError(iso ? null : t("invalid"));
        }}
        className="block w-full max-w-[12rem] rounded border border-gray-500 bg-white px-3 py-2 text-gray-900 aria-[invalid=true]:border-red-700"
      />
      <div aria-live="polite">
        {shown.length ? (
          <ul id={errorId} className="ds-validation-message mt-1">
            {shown.map((e) => <li key={e}>{e}</li>)}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
