"use client";

/** A link shown once for the user to copy: read-only, selected on focus, with what to do next. */
export function SecretLink({ id, label, url, note }: { id: string; label: string; url: string; note: string }) {
  return (
    <div className="my-4 rounded border border-brand-700 bg-white p-4">
      <label htmlFor={id} className="mb-1 block font-medium text-gray-900">{label}</label>
      <p id={`${id}-note`} className="mb-2 text-gray-800">{note}</p>
      <input
        id={id}
        readOnly
        value={url}
        aria-describedby={`${id}-note`}
        className="block w-full rounded border border-gray-500 bg-gray-50 px-3 py-2 font-mono text-sm text-gray-900"
        onFocus={(e) => e.currentTarget.select()}
      />
    </div>
  );
}
