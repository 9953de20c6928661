/** A positive integer id from a URL segment, or null (so "abc", "1.5", "-3" and huge numbers give a 404). */
export function parseId(raw: string): number | null {
  if (!/^[1-9]\d{0,9}$/.test(raw)) return null;
  const id = Number(raw);
  return id <= 2_147_483_647 ? id : null;
}
