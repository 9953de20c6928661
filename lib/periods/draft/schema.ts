// Zod schemas for the draft planprogram: one row's change, a bulk change, a new plan, publishing
// and adopting. Checks that need the database (row belongs to the period, versions) are in mutations.
import { z } from "zod";
import { dateField, decisionBodies, planTypes, PLAN_LIMITS, strategyDecisionKinds } from "../../plans/schema";

export const DRAFT_LIMITS = { unit: PLAN_LIMITS.unit, title: PLAN_LIMITS.title, caseNumber: 50, selection: 200, newPlans: 200 } as const;

/** "vurderes": the draft's undecided value (null in the database). */
export const UNDECIDED = "undecided";

const blankToNull = (v: unknown) => (v === undefined || (typeof v === "string" && v.trim() === "") ? null : v);
const list = (v: unknown) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]);
const id = z.coerce.number().int().positive().max(2_147_483_647);
const year = z.preprocess(blankToNull, z.coerce.number({ message: "validation.year" }).int({ message: "validation.year" }).min(1900, { message: "validation.year" }).max(2200, { message: "validation.year" }).nullable());
const unit = z.preprocess(blankToNull, z.string().trim().max(DRAFT_LIMITS.unit).nullable());
const decision = z.preprocess((v) => (v === UNDECIDED || v === "" ? null : v), z.enum(strategyDecisionKinds, { message: "validation.choose" }).nullable());

/** One row's decision, target year, unit and (for an existing plan) the new plan that absorbs it, from `version`. */
export const draftItemSchema = z.object({
  periodId: id,
  itemId: id,
  version: z.coerce.number().int().min(1).max(2_147_483_647),
  decision,
  targetYear: year,
  responsibleUnit: unit,
  absorbedById: z.preprocess(blankToNull, id.nullable()),
});
export type DraftItemInput = z.output<typeof draftItemSchema>;

/** The draft table's filter, from the URL (lenient) or a bulk form. */
export const draftFilterSchema = z.object({
  q: z.preprocess(blankToNull, z.string().trim().max(200).nullable()).catch(null),
  decision: z.preprocess(blankToNull, z.enum([UNDECIDED, "flagged", ...strategyDecisionKinds]).nullable()).catch(null),
  unit: unit.catch(null),
  type: z.preprocess(blankToNull, z.enum(planTypes).nullable()).catch(null),
  year: year.catch(null),
});
export type DraftFilter = z.output<typeof draftFilterSchema>;

export const draftSorts = ["title", "type", "due", "decision", "targetYear", "unit"] as const;
export const draftParamsSchema = draftFilterSchema.extend({
  sort: z.enum(draftSorts).catch("title"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  size: z.coerce.number().int().min(10).max(200).catch(50),
});
export type DraftParams = z.output<typeof draftParamsSchema>;

/** A bulk change: the selected rows (at most a page) or every row matching the filter; only the fields given change. */
export const draftBulkSchema = z
  .object({
    periodId: id,
    scope: z.enum(["selected", "filter"]),
    itemIds: z.preprocess(list, z.array(id).max(DRAFT_LIMITS.selection)),
    filterQ: draftFilterSchema.shape.q,
    filterDecision: draftFilterSchema.shape.decision,
    filterUnit: draftFilterSchema.shape.unit,
    filterType: draftFilterSchema.shape.type,
    filterYear: draftFilterSchema.shape.year,
    setDecision: z.preprocess(blankToNull, z.enum([UNDECIDED, ...strategyDecisionKinds], { message: "validation.choose" }).nullable()),
    setTargetYear: year,
    setUnit: unit,
  })
  .superRefine((v, ctx) => {
    if (v.scope === "selected" && v.itemIds.length === 0) ctx.addIssue({ code: "custom", path: ["itemIds"], message: "validation.selectRows" });
    if (v.setDecision === null && v.setTargetYear === null && v.setUnit === null) ctx.addIssue({ code: "custom", path: ["setDecision"], message: "validation.bulkNothing" });
  });
export type DraftBulkInput = z.output<typeof draftBulkSchema>;

/** A new plan the strategy will make, and the existing plans (draft rows) it absorbs. */
export const draftNewPlanSchema = z.object({
  periodId: id,
  title: z.string().trim().min(1).max(DRAFT_LIMITS.title),
  type: z.enum(planTypes, { message: "validation.choose" }),
  targetYear: year,
  responsibleUnit: unit,
  absorbs: z.preprocess(list, z.array(id).max(DRAFT_LIMITS.selection)),
});
export type DraftNewPlanInput = z.output<typeof draftNewPlanSchema>;

export const draftRemoveSchema = z.object({ periodId: id, itemId: id, version: z.coerce.number().int().min(1).max(2_147_483_647) });

const loadedAt = z.coerce.number().int().nonnegative().max(8.64e15);

/** Marks the draft published on a date (the period's updated_at as the version). */
export const publishSchema = z.object({ periodId: id, loadedAt, draftPublishedOn: dateField.refine((d) => d !== null, { message: "validation.required" }) });

/** The council's adoption: turns the draft into the period's decisions. */
export const adoptSchema = z.object({
  periodId: id,
  loadedAt,
  adoptedOn: dateField.refine((d) => d !== null, { message: "validation.required" }),
  adoptedBy: z.enum(decisionBodies, { message: "validation.choose" }),
  caseNumber: z.preprocess(blankToNull, z.string().trim().max(DRAFT_LIMITS.caseNumber).nullable()),
});
export type AdoptInput = z.output<typeof adoptSchema>;
