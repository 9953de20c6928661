// A filter control for GET filter forms (register, schedule, SDG coverage).

/** The look of a filter input. */
export const filterControl = "ds-input w-full";

type Props = { name: string; label: string; value: string; anyLabel?: string; options: { value: string; label: string }[]; idPrefix?: string };

/** A labelled select; with `anyLabel`, its first choice ("All") means no filter. */
export function FilterSelect({ name, label, value, anyLabel, options, idPrefix = "plan" }: Props) {
  return (
    <div className="ds-field">
      <label htmlFor={`${idPrefix}-${name}`} className="ds-label" data-weight="regular">{label}</label>
      <select id={`${idPrefix}-${name}`} name={name} defaultValue={value} className={filterControl} data-size="sm">
        {anyLabel !== undefined ? <option value="">{anyLabel}</option> : null}
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </div>
  );
}
