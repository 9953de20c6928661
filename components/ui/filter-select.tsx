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
