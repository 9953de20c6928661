// Filter controls of the GET forms (register, SDG coverage): the result is a URL that shows the view.

/** Class of a filter form's inputs and selects. */
export const filterControl = "block w-full rounded border border-gray-500 bg-white px-2 py-1.5";

type Props = { name: string; label: string; value: string; anyLabel: string; options: { value: string; label: string }[]; idPrefix?: string };

/** One filter: a labelled select whose first choice ("All") means no filter. */
export function FilterSelect({ name, label, value, anyLabel, options, idPrefix = "plan" }: Props) {
  const id = `${idPrefix}-${name}`;
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm">{label}</label>
      <select id={id} name={name} defaultValue={value} className={filterControl}>
        <option value="">{anyLabel}</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </div>
  );
}
