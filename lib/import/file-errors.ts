// The file errors the import page can show (the upload redirects with ?error=<key>).
import type { FileErrorKey, ImportFileError } from "./limits";

export const IMPORT_FILE_ERRORS = ["missing", "empty", "noRows", "tooLarge", "tooManyRows", "tooManyColumns", "wrongType", "notXlsx", "notCsv", "brokenXlsx", "zipBomb", "brokenCsv", "cellTooLong", "tooManyCells", "tooMuchText", "tooComplex", "busy", "expired", "unavailable"] as const satisfies readonly (FileErrorKey | "expired" | "unavailable")[];

/** The import form's address that shows `error` (its key and values as the query). */
export function fileErrorPath(error: ImportFileError): string {
  return `/plans/import?${new URLSearchParams({ error: error.key, ...Object.fromEntries(Object.entries(error.values).map(([k, v]) => [k, String(v)])) })}`;
}
