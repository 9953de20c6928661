// The admin settings form's one zod schema (client-safe: the form reads the limits from it).
import { z } from "zod";
import { CASE_PLACEHOLDERS, MAP_PLACEHOLDERS, TEMPLATE_MAX, templateProblem } from "./links";

export const SETTINGS_LIMITS = { municipalityName: 120, email: 320 } as const;

const blankToNull = (v: unknown) => (v === undefined || (typeof v === "string" && v.trim() === "") ? null : v);

// An address template (lib/links.ts); blank clears it. Absent (an older form): left as stored.
const linkTemplate = (placeholders: readonly string[], unknownKey: string) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? null : v),
    z.string().max(TEMPLATE_MAX * 2, { message: "validation.templateTooLong" }).transform((s, ctx) => {
      // Only the ends are trimmed: a line break or space inside is refused, never silently removed.
      const template = s.trim();
      const problem = templateProblem(template, placeholders);
      if (!problem) return template;
      ctx.addIssue({ code: "custom", message: problem === "templateUnknown" ? unknownKey : `validation.${problem}` });
      return z.NEVER;
    }).nullable().optional(),
  );

export const settingsSchema = z.object({
  municipalityName: z.preprocess((v) => v ?? "", z.string().trim().max(SETTINGS_LIMITS.municipalityName)),
  // A checkbox: present ("on") when ticked, absent otherwise.
  innsynEnabled: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
  accessibilityContactEmail: z.preprocess(
    blankToNull,
    z.string().trim().toLowerCase().max(SETTINGS_LIMITS.email).pipe(z.email({ message: "validation.email" })).nullable(),
  ),
  // "6, 1": one to four whole numbers of months, 1–36, each once (largest first when stored).
  reminderLeadMonths: z.preprocess(
    (v) => (typeof v === "string" ? v.split(/[,\s]+/).filter(Boolean).map((x) => (/^\d{1,3}$/.test(x) ? Number(x) : Number.NaN)) : v),
    z
      .array(z.number({ message: "validation.leadMonths" }).int({ message: "validation.leadMonths" }).min(1, { message: "validation.leadMonths" }).max(36, { message: "validation.leadMonths" }), { message: "validation.leadMonths" })
      .min(1, { message: "validation.leadMonths" })
      .max(4, { message: "validation.leadMonths" })
      .refine((a) => new Set(a).size === a.length, { message: "validation.leadMonths" })
      .transform((a) => [...a].sort((x, y) => y - x))
      // Absent (an older form): left as stored.
      .optional(),
  ),
  caseLinkTemplate: linkTemplate(CASE_PLACEHOLDERS, "validation.templateUnknownCase"),
  mapLinkTemplate: linkTemplate(MAP_PLACEHOLDERS, "validation.templateUnknownMap"),
  /** updated_at in milliseconds as the form loaded it (optimistic concurrency). */
  loadedAt: z.coerce.number().int().nonnegative().max(8.64e15),
});
export type SettingsInput = z.output<typeof settingsSchema>;
