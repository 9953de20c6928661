"use client";

/** A link shown once for the user to copy: read-only, selected on focus, with what to do next. */
export function SecretLink({ id, label, url, note }: { id: string; label: string; url: string; note: string }) {
  return (
    <div className="ds-field my-4 rounded border border-[var(--ds-color-accent-border-default)] p-4">
      <label htmlFor={id} className="ds-label">{label}</label>
      <p id={`${id}-note`} data-field="description">{note}</p>
      <input
        id={id}
        readOnly
        value={url}
        aria-describedby={`${id}-note`}
        className="ds-input w-full font-mono text-sm"
        onFocus={(e) => e.currentTarget.select()}
      />
    </div>
  );
}
