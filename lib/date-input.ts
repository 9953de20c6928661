// Dates as people type them: "16.06.2022", "16.6.2022" (and "16/6/2022"), or ISO "2022-06-16".
// Shared by the date field in the browser and the zod schema on the server, so both accept and
// refuse exactly the same text. A half-typed or impossible date is an error, never "no date".

export const DATE_INPUT_MIN_YEAR = 1900;
export const DATE_INPUT_MAX_YEAR = 2200;

const NORWEGIAN = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/** "YYYY-MM-DD" for a typed date, or null when the text is not a real calendar date. */
export function parseDateInput(text: string): string | null {
  const s = text.trim();
  const norwegian = NORWEGIAN.exec(s);
  const iso = norwegian ? null : ISO.exec(s);
  if (!norwegian && !iso) return null;
  const [year, month, day] = norwegian ? [norwegian[3], norwegian[2], norwegian[1]].map(Number) : [iso![1], iso![2], iso![3]].map(Number);
  if (year! < DATE_INPUT_MIN_YEAR || year! > DATE_INPUT_MAX_YEAR || month! < 1 || month! > 12 || day! < 1) return null;
  const date = new Date(Date.UTC(year!, month! - 1, day!));
  if (date.getUTCMonth() !== month! - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** "16.06.2022" for a valid date ("2022-06-16", "16.6.2022"); anything else unchanged (as typed). */
export function formatDateInput(value: string): string {
  const iso = parseDateInput(value);
  if (!iso) return value;
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}
