// The bounds every uploaded file is read within (docs/decisions/024), and the one error a file
// that passes none of them becomes: a message key for the form, never a 500.

/** Bytes of file, data rows and columns of the sheet, characters of one cell (Excel's own limit),
 * cells of the workbook, and characters of all cells' text once shared strings are resolved. */
export const IMPORT_LIMITS = { bytes: 10 * 1024 * 1024, rows: 20_000, columns: 100, cellChars: 32_767, cells: 1_000_000, textChars: 32_000_000 } as const;

export type FileErrorKey =
  | "missing" | "empty" | "noRows" | "tooLarge" | "tooManyRows" | "tooManyColumns" | "wrongType" | "notXlsx" | "notCsv" | "brokenXlsx" | "zipBomb" | "brokenCsv"
  | "cellTooLong" | "tooManyCells" | "tooMuchText" | "tooComplex" | "busy";

/** The file cannot be read at all; nothing is written. */
export class ImportFileError extends Error {
  constructor(readonly key: FileErrorKey, readonly values: Record<string, string | number> = {}) {
    super(key);
  }
}

