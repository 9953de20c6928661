// The admin settings form's one zod schema (client-safe: the form reads the limits from it).
import { z } from "zod";

export const SETTINGS_LIMITS = { municipalityName: 120, email: 320 } as const;

const blankToNull = (v: unknown) => (v === undefined || (typeof v === "string" && v.trim() === "") ? null : v);

export const settingsSchema = z.object({
  municipalityName: z.preprocess((v) => v ?? "", z.string().trim().max(SETTINGS_LIMITS.municipalityName)),
  // A checkbox: present ("on") when ticked, absent otherwise.
  innsynEnabled: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
  accessibilityContactEmail: z.preprocess(
    blankToNull,
    z.string().trim().toLowerCase().max(SETTINGS_LIMITS.email).pipe(z.email({ message: "validation.email" })).nullable(),
  ),
  /** updated_at in milliseconds as the form loaded it (optimistic concurrency). */
  loadedAt: z.coerce.number().int().nonnegative().max(8.64e15),
});
export type SettingsInput = z.output<typeof settingsSchema>;
