// One zod schema for the planning-strategy form (create and edit). The unique name is checked by
// the database (mutations.ts).
import { z } from "zod";
import { dateField, decisionBodies } from "../plans/schema";

export const PERIOD_LIMITS = { name: 200, caseNumber: 50, url: 2000, note: 5000, maxYears: 8 } as const;

const blankToNull = (v: unknown) => (v === undefined || (typeof v === "string" && v.trim() === "") ? null : v);
const year = z.coerce.number({ message: "validation.year" }).int({ message: "validation.year" }).min(1900, { message: "validation.year" }).max(2200, { message: "validation.year" });
const id = z.coerce.number().int().positive().max(2_147_483_647);

const periodFields = z.object({
  name: z.string().trim().min(1).max(PERIOD_LIMITS.name),
  startYear: year,
  endYear: year,
  councilConstitutedOn: dateField,
  draftPublishedOn: dateField,
  plannedMeetingOn: dateField,
  adoptedOn: dateField,
  adoptedBy: z.preprocess(blankToNull, z.enum(decisionBodies, { message: "validation.choose" }).nullable()),
  caseNumber: z.preprocess(blankToNull, z.string().trim().max(PERIOD_LIMITS.caseNumber).nullable()),
  decisionUrl: z.preprocess(blankToNull, z.string().trim().max(PERIOD_LIMITS.url).refine((u) => /^https?:\/\/[^\s]+$/i.test(u) && URL.canParse(u), { message: "validation.url" }).nullable()),
  note: z.preprocess((v) => v ?? "", z.string().trim().max(PERIOD_LIMITS.note)),
});

type Fields = z.output<typeof periodFields>;

// Each rule is reported at the field a user must change.
function refinePeriod(v: Fields, ctx: z.RefinementCtx) {
  if (v.endYear < v.startYear) ctx.addIssue({ code: "custom", path: ["endYear"], message: "validation.periodOrder" });
  else if (v.endYear - v.startYear >= PERIOD_LIMITS.maxYears) ctx.addIssue({ code: "custom", path: ["endYear"], message: "validation.periodTooLong" });
  if (v.adoptedOn && !v.adoptedBy) ctx.addIssue({ code: "custom", path: ["adoptedBy"], message: "validation.adoptedNeedsBody" });
  if (v.adoptedOn && v.councilConstitutedOn && v.adoptedOn < v.councilConstitutedOn) ctx.addIssue({ code: "custom", path: ["adoptedOn"], message: "validation.adoptedBeforeConstituted" });
  if (v.draftPublishedOn && v.adoptedOn && v.draftPublishedOn > v.adoptedOn) ctx.addIssue({ code: "custom", path: ["draftPublishedOn"], message: "validation.draftAfterAdoption" });
  if (v.plannedMeetingOn && v.councilConstitutedOn && v.plannedMeetingOn < v.councilConstitutedOn) ctx.addIssue({ code: "custom", path: ["plannedMeetingOn"], message: "validation.meetingBeforeConstituted" });
}

/**
 * A new planning strategy as the form posts it: a draft (not adopted), whose deadlines need the
 * constitution date. Adoption is recorded on the draft's page (lib/periods/draft/adopt.ts).
 */
export const periodCreateSchema = periodFields
  .extend({ councilConstitutedOn: dateField.refine((d) => d !== null, { message: "validation.required" }) })
  .superRefine(refinePeriod)
  .transform((v) => ({ ...v, adoptedOn: null, adoptedBy: null, draftPublishedOn: null }));
export type PeriodInput = z.output<typeof periodCreateSchema>;

/** An edit names the period and when it was last saved (optimistic concurrency on updated_at). */
export const periodUpdateSchema = periodFields.extend({ id, loadedAt: z.coerce.number().int().nonnegative().max(8.64e15) }).superRefine(refinePeriod);
export type PeriodUpdateInput = z.output<typeof periodUpdateSchema>;

/** Deleting a period: a draft by an editor; an adopted one by an admin, with a reason (checked in the mutation). */
export const periodDeleteSchema = z.object({
  periodId: id,
  reason: z.preprocess((v) => v ?? "", z.string().trim().max(PERIOD_LIMITS.note)),
});
export type PeriodDeleteInput = z.output<typeof periodDeleteSchema>;
