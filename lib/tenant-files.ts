// Downloads carry their municipality's name (issue 19): with several municipalities on one
// installation, a file saved from one must say whose it is. The name is the settings' (the one
// the council documents print), as a file-name-safe prefix.
import "server-only";
import { getSettings } from "./settings";

/** "Røros kommune" → "roros-kommune"; "" for a name with no letters or digits. */
export function fileSlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/æ/g, "ae").replace(/ø/g, "o").replace(/å/g, "a")
    .normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "")
    .slice(0, 60);
}

/** `name` with the current municipality's slug in front: "roros-kommune-planer-2026-12-04.csv". */
export async function municipalFileName(name: string): Promise<string> {
  const slug = fileSlug((await getSettings()).municipalityName);
  return slug ? `${slug}-${name}` : name;
}
