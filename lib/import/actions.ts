"use server";
// Server actions of the import: confirm the column mapping (→ the preview is computed and
// stored), and apply the preview. Each checks the session and plan.write (lib/action.ts).
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { authedAction } from "../action";
import type { Translate } from "../action-core";
import { DomainError } from "../errors";
import { applyImport } from "./apply";
import { classifyRows } from "./classify";
import { parseDefaults, parseMapping } from "./mapping";
import { ImportFileError, readSpreadsheet, type SheetTable } from "./read-file";
import { getUpload, savePreview } from "./store";

const uploadSchema = z.looseObject({ upload: z.string().uuid() });

export const previewImportAction = authedAction("plan.write", uploadSchema, async (input, user) => {
  const upload = await getUpload(input.upload, user.id);
  if (!upload || upload.appliedAt) throw new DomainError("not_found", "notFound");
  const t = (await getTranslations()) as unknown as Translate;
  let table: SheetTable;
  try {
    table = await readSpreadsheet(upload.fileName, Buffer.from(upload.content));
  } catch (error) {
    // An upload stored before a limit existed is refused as a new one would be.
    if (error instanceof ImportFileError) return { ok: false, code: "invalid", formError: t(`import.fileErrors.${error.key}`, error.values) };
    throw error;
  }
  const { mapping, duplicate } = parseMapping(input, table.headers.length);
  if (duplicate) return { ok: false, code: "invalid", formError: t("import.mapping.duplicate", { field: t(`spreadsheet.columns.${duplicate}`) }) };
  if (!mapping.includes("title")) return { ok: false, code: "invalid", formError: t("import.mapping.noTitle") };
  const defaults = parseDefaults(input);
  await savePreview(upload.id, mapping, await classifyRows(table, mapping, t, defaults), defaults);
  redirect(`/plans/import/${upload.id}/preview`);
});

export const applyImportAction = authedAction("plan.write", uploadSchema, async (input, user) => {
  await applyImport(input.upload, user.id);
  redirect(`/plans/import/${input.upload}/preview`);
});
