import type { CountyFilter } from "./figures";

/** A county-view URL with the filter and sort in its query (defaults left out). */
export function countyHref(path: string, f: Partial<CountyFilter> & Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || v === "" || (k === "sort" && v === "name") || (k === "dir" && v === "asc")) continue;
    q.set(k, v);
  }
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}
