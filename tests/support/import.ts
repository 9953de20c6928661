// The import as the pages drive it, without HTTP: read the file, guess the mapping, classify,
// store the preview, apply. Messages in bokmål.
import { createTranslator } from "next-intl";
import nb from "../../lib/i18n/messages/nb.json";
import type { Translate } from "../../lib/action-core";
import { applyImport } from "../../lib/import/apply";
import { classifyRows } from "../../lib/import/classify";
import { DEFAULTS, guessMapping, type ImportDefaults, type Mapping } from "../../lib/import/mapping";
import { readSpreadsheet } from "../../lib/import/read-file";
import { createUpload, savePreview } from "../../lib/import/store";

export const tNb = createTranslator({ locale: "nb", messages: nb }) as unknown as Translate;

/** Uploads and previews `bytes` as `fileName` for `userId`; the preview's rows and the upload's id. */
export async function preview(userId: number, fileName: string, bytes: Buffer, mapping?: Mapping, defaults: ImportDefaults = DEFAULTS) {
  const table = await readSpreadsheet(fileName, bytes);
  const map = mapping ?? guessMapping(table.headers);
  const rows = await classifyRows(table, map, tNb, defaults);
  const upload = await createUpload(userId, fileName, bytes);
  await savePreview(upload, map, rows, defaults);
  return { upload, rows, table, mapping: map };
}

/** Preview then apply. */
export async function importFile(userId: number, fileName: string, bytes: Buffer) {
  const p = await preview(userId, fileName, bytes);
  return { ...p, result: await applyImport(p.upload, userId) };
}

/** A Response's body as a Buffer. */
export async function bodyOf(response: Response): Promise<Buffer> {
  return Buffer.from(await response.arrayBuffer());
}
