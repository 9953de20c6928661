// The file errors the import page can show (the upload redirects with ?error=<key>).
import type { FileErrorKey } from "./read-file";

export const IMPORT_FILE_ERRORS = ["missing", "empty", "noRows", "tooLarge", "tooManyRows", "tooManyColumns", "wrongType", "notXlsx", "notCsv", "brokenXlsx", "zipBomb", "brokenCsv", "expired", "unavailable"] as const satisfies readonly (FileErrorKey | "expired" | "unavailable")[];
