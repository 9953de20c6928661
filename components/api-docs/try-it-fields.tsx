// The inputs of one endpoint's "try it" form, made from its OpenAPI parameters (lib/api/try-it.ts):
// every input labelled by the parameter's name, its hint linked with aria-describedby. Plain
// inputs, so the form also works without JavaScript.
import type { TryField } from "@/lib/api/try-it";

/** One parameter's input: a free text, a select (one of) or checkboxes (any of). */
export function TryItField({ field, idPrefix }: { field: TryField; idPrefix: string }) {
  const id = `${idPrefix}-${field.name}`;
  const hintId = `${id}-hint`;
  const label = (
    <>
      <code>{field.name}</code>{" "}
      <span className="text-sm font-normal">({field.in}{field.required ? ", required" : ""})</span>
    </>
  );
  if (field.kind === "checks") {
    return (
      <fieldset className="ds-field sm:col-span-2" aria-describedby={hintId}>
        <legend className="ds-label" data-weight="regular">{label}</legend>
        <p id={hintId} data-field="description">{field.hint}</p>
        <div className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-3">
          {field.options.map((o) => (
            <label key={o} htmlFor={`${id}-${o}`} className="flex items-center gap-2 text-sm">
              <input id={`${id}-${o}`} type="checkbox" name={field.name} value={o} className="h-4 w-4" />
              <code>{o}</code>
            </label>
          ))}
        </div>
      </fieldset>
    );
  }
  return (
    <div className="ds-field">
      <label htmlFor={id} className="ds-label" data-weight="regular">{label}</label>
      <p id={hintId} data-field="description">{field.hint}</p>
      {field.kind === "select" ? (
        <select id={id} name={field.name} defaultValue="" aria-describedby={hintId} className="ds-input w-full">
          <option value="">(not set)</option>
          {field.options.map((o) => <option key={o} value={o}>{o}</option>)}
        </select>
      ) : (
        // No min/max or type="number": a reader may send a bad value to see the API's 400.
        <input
          id={id}
          name={field.name}
          required={field.required}
          inputMode={field.numeric ? "numeric" : undefined}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={hintId}
          className="ds-input w-full"
        />
      )}
    </div>
  );
}
