// A filter control for GET filter forms (register, schedule, SDG coverage).

/** The look of a filter input. */
export const filterControl = "block w-full rounded border border-gray-500 bg-white px-2 py-1.5";

type Props = { name: string; label: string; value: string; anyLabel?: string; options: { value: string; label: string }[]; idPrefix?: string };

/** A labelled select; with `anyLabel`, its first choice ("All") means no filter. */
export function FilterSelect({ name, label, value, anyLabel, options, idPrefix = "plan" }: Props) {
  return (
    <div>
      <label htmlFor={`${idPrefix}-${name}`} className="mb-1 block text-sm">{label}</label>
      <select id={`${idPrefix}-${name}`} name={name} defaultValue={value} className={filterControl}>
        {anyLabel !== undefined ? <option value="">{anyLabel}</option> : null}
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </div>
  );
}

type ChecksProps = { name: string; legend: string; values: readonly string[]; options: { value: string; label: string }[]; idPrefix?: string; className?: string };

/** A group of checkboxes for a filter that takes several values (none ticked means no filter). */
export function FilterChecks({ name, legend, values, options, idPrefix = "plan", className = "" }: ChecksProps) {
  return (
    <fieldset className={className}>
      <legend className="mb-1 text-sm">{legend}</legend>
      <div className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-2">
        {options.map((o) => (
          <label key={o.value} htmlFor={`${idPrefix}-${name}-${o.value}`} className="flex items-center gap-2 text-sm">
            <input id={`${idPrefix}-${name}-${o.value}`} type="checkbox" name={name} value={o.value} defaultChecked={values.includes(o.value)} className="h-4 w-4" />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
