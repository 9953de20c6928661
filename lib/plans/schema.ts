// One zod schema for the plan form, used by the form (field names, limits) and the server.
// Checks that need the database (unique title, replaces-cycles, existing ids) are in mutations.ts.
import { z } from "zod";
import { parseDateInput } from "../date-input";
import { DecisionBody, PlanStatus, PlanType, RelationKind, StrategyDecisionKind } from "../generated/prisma/enums";
import { isLongConsultation } from "./consultation";
import { isAreaPlanType, parseNationalPlanId, sosiCodes, SOSI_PLANSTATUSES, SOSI_PLANTYPES } from "./sosi";

export const PLAN_LIMITS = { nationalPlanId: 30, title: 300, caseNumber: 50, url: 2000, unit: 200, summary: 5000, documents: 50, relations: 50, targets: 169, label: 300 } as const;

const values = <T extends Record<string, string>>(e: T) => Object.values(e) as [T[keyof T], ...T[keyof T][]];
export const planTypes = values(PlanType);
export const planStatuses = values(PlanStatus);
export const decisionBodies = values(DecisionBody);
export const relationKinds = values(RelationKind);
export const strategyDecisionKinds = values(StrategyDecisionKind);

/** Statuses of a plan in force: these need adoption date and body. */
export const ADOPTED_STATUSES: readonly string[] = ["vedtatt", "under_revisjon"];

const blankToNull = (v: unknown) => (v === undefined || (typeof v === "string" && v.trim() === "") ? null : v);
const text = (max: number) => z.preprocess(blankToNull, z.string().trim().max(max).nullable());
const list = (v: unknown) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]);

/** A typed date (lib/date-input.ts: "16.06.2022", "16.6.2022" or ISO) as a UTC-midnight Date;
 * half-typed and impossible dates are refused, never read as "no date". */
export const dateField = z.preprocess(
  blankToNull,
  z
    .string()
    .max(40, { message: "validation.date" })
    .transform((s, ctx) => {
      const iso = parseDateInput(s);
      if (!iso) {
        ctx.addIssue({ code: "custom", message: "validation.date" });
        return z.NEVER;
      }
      return new Date(`${iso}T00:00:00Z`);
    })
    .nullable(),
);

const year = z.preprocess(blankToNull, z.coerce.number({ message: "validation.year" }).int({ message: "validation.year" }).min(1900, { message: "validation.year" }).max(2200, { message: "validation.year" }).nullable());
const id = z.coerce.number().int().positive().max(2_147_483_647);
const httpUrl = z.string().trim().max(PLAN_LIMITS.url).refine((u) => /^https?:\/\/[^\s]+$/i.test(u) && URL.canParse(u), { message: "validation.url" });

function sosiCode(codes: readonly number[]) {
  return z.preprocess(blankToNull, z.coerce.number({ message: "validation.choose" }).refine((n) => codes.includes(n), { message: "validation.choose" }).nullable());
}

const planFields = z.object({
  title: z.string().trim().min(1).max(PLAN_LIMITS.title),
  type: z.enum(planTypes, { message: "validation.choose" }),
  status: z.enum(planStatuses, { message: "validation.choose" }),
  adoptedOn: dateField,
  adoptedBy: z.preprocess(blankToNull, z.enum(decisionBodies, { message: "validation.choose" }).nullable()),
  caseNumber: text(PLAN_LIMITS.caseNumber),
  decisionUrl: z.preprocess(blankToNull, httpUrl.nullable()),
  revisionDueOn: dateField,
  periodFromYear: year,
  periodToYear: year,
  responsibleUnit: text(PLAN_LIMITS.unit),
  ownerId: z.preprocess(blankToNull, id.nullable()),
  summary: z.preprocess((v) => v ?? "", z.string().trim().max(PLAN_LIMITS.summary)),
  legallyRequired: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
  /** Show a plan not yet adopted on innsyn (lib/public/visibility.ts). */
  publicDraft: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
  targets: z.preprocess(list, z.array(z.string().regex(/^\d{1,2}\.[0-9a-z]{1,2}$/, { message: "validation.invalid" })).max(PLAN_LIMITS.targets)),
  // List editors post parallel arrays; blank rows are dropped.
  documentLabel: z.preprocess(list, z.array(z.string().max(PLAN_LIMITS.label)).max(PLAN_LIMITS.documents)),
  // Each link and related plan checked on its own, so its error comes with every other field's
  // (cross-field rules below run only once the fields themselves are valid).
  documentUrl: z.preprocess(list, z.array(z.string().max(PLAN_LIMITS.url).refine((u) => !u.trim() || httpUrl.safeParse(u).success, { message: "validation.url" })).max(PLAN_LIMITS.documents)),
  relationKind: z.preprocess(list, z.array(z.string().max(20)).max(PLAN_LIMITS.relations)),
  relationPlanId: z.preprocess(list, z.array(z.string().max(12).refine((p) => !p.trim() || id.safeParse(p).success, { message: "validation.invalid" })).max(PLAN_LIMITS.relations)),
  // The process's stages (lib/plans/consultation.ts).
  startNoticeOn: dateField,
  consultationFrom: dateField,
  consultationTo: dateField,
  consultationUrl: z.preprocess(blankToNull, httpUrl.nullable()),
  consultation2From: dateField,
  consultation2To: dateField,
  consultation2Url: z.preprocess(blankToNull, httpUrl.nullable()),
  /** Ticked after the form warned that a consultation is open for more than a year. */
  confirmLongConsultation: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
  // Area plans only (lib/plans/sosi.ts): stored as "kommunenummer_planidentifikasjon".
  nationalPlanId: z.preprocess(
    blankToNull,
    z.string().max(PLAN_LIMITS.nationalPlanId, { message: "validation.nationalPlanId" })
      .transform((s, ctx) => {
        const parsed = parseNationalPlanId(s);
        if (parsed) return parsed.id;
        ctx.addIssue({ code: "custom", message: "validation.nationalPlanId" });
        return z.NEVER;
      })
      .nullable(),
  ),
  sosiPlantype: sosiCode(SOSI_PLANTYPES),
  sosiPlanstatus: sosiCode(SOSI_PLANSTATUSES),
});

type Fields = z.output<typeof planFields>;

export type PlanDocumentInput = { label: string; url: string };
export type PlanRelationInput = { kind: (typeof relationKinds)[number]; toPlanId: number };

// A consultation has both dates or none, never ends before it starts, and a second one comes
// after the first; a period over a year is allowed once the user has confirmed it.
function refineStages(v: Fields, ctx: z.RefinementCtx) {
  const rounds = [["consultationFrom", "consultationTo", "consultationUrl"], ["consultation2From", "consultation2To", "consultation2Url"]] as const;
  for (const [fromKey, toKey, urlKey] of rounds) {
    const from = v[fromKey];
    const to = v[toKey];
    if (from && !to) ctx.addIssue({ code: "custom", path: [toKey], message: "validation.consultationNeedsEnd" });
    if (!from && (to || v[urlKey])) ctx.addIssue({ code: "custom", path: [fromKey], message: "validation.consultationNeedsStart" });
    if (from && to && to < from) ctx.addIssue({ code: "custom", path: [toKey], message: "validation.consultationOrder" });
    else if (from && to && isLongConsultation(from, to) && !v.confirmLongConsultation) ctx.addIssue({ code: "custom", path: [toKey], message: "validation.consultationLong" });
  }
  if (v.consultation2From && !v.consultationFrom) ctx.addIssue({ code: "custom", path: ["consultationFrom"], message: "validation.consultationSecondNeedsFirst" });
  if (v.consultation2From && v.consultationTo && v.consultation2From <= v.consultationTo) ctx.addIssue({ code: "custom", path: ["consultation2From"], message: "validation.consultationSecondAfterFirst" });
  if (v.status === "pa_horing" && !v.consultationFrom) ctx.addIssue({ code: "custom", path: ["consultationFrom"], message: "validation.consultationNeededForStatus" });
  if (v.startNoticeOn && v.consultationFrom && v.startNoticeOn > v.consultationFrom) ctx.addIssue({ code: "custom", path: ["startNoticeOn"], message: "validation.startNoticeAfterConsultation" });
}

// The stage rules read only the stage fields and the status, so they run whenever those are valid,
// and their messages come in the same answer as any other field's (one save shows every error).
const STAGE_KEYS = new Set(["status", "startNoticeOn", "consultationFrom", "consultationTo", "consultationUrl", "consultation2From", "consultation2To", "consultation2Url", "confirmLongConsultation"]);
const stagesValid = { when: (p: { issues: readonly { path?: readonly PropertyKey[] }[] }) => !p.issues.some((i) => STAGE_KEYS.has(String(i.path?.[0]))) };

// Cross-field rules, each reported at the field a user must change.
function refinePlan(v: Fields, ctx: z.RefinementCtx) {
  if (ADOPTED_STATUSES.includes(v.status)) {
    if (!v.adoptedOn) ctx.addIssue({ code: "custom", path: ["adoptedOn"], message: "validation.adoptedNeedsDate" });
    if (!v.adoptedBy) ctx.addIssue({ code: "custom", path: ["adoptedBy"], message: "validation.adoptedNeedsBody" });
  }
  if (v.adoptedOn && v.revisionDueOn && v.revisionDueOn < v.adoptedOn) ctx.addIssue({ code: "custom", path: ["revisionDueOn"], message: "validation.revisionBeforeAdoption" });
  if (v.periodFromYear !== null && v.periodToYear !== null && v.periodFromYear > v.periodToYear) ctx.addIssue({ code: "custom", path: ["periodToYear"], message: "validation.periodOrder" });
  if (!isAreaPlanType(v.type)) {
    for (const field of ["nationalPlanId", "sosiPlantype", "sosiPlanstatus"] as const) {
      if (v[field] !== null) ctx.addIssue({ code: "custom", path: [field], message: "validation.areaPlanOnly" });
    }
  }
  v.documentLabel.forEach((label, i) => {
    const url = v.documentUrl[i] ?? "";
    if (!label.trim() && !url.trim()) return;
    if (!label.trim()) ctx.addIssue({ code: "custom", path: ["documentLabel", i], message: "validation.required" });
    if (!url.trim()) ctx.addIssue({ code: "custom", path: ["documentUrl", i], message: "validation.url" });
  });
  v.relationPlanId.forEach((planId, i) => {
    if (!planId.trim()) return;
    if (!(relationKinds as readonly string[]).includes(v.relationKind[i] ?? "")) ctx.addIssue({ code: "custom", path: ["relationKind", i], message: "validation.choose" });
  });
}

function normalise(v: Fields) {
  const documents: PlanDocumentInput[] = v.documentLabel
    .map((label, i) => ({ label: label.trim(), url: (v.documentUrl[i] ?? "").trim() }))
    .filter((d) => d.label || d.url);
  const seen = new Set<string>();
  const relations: PlanRelationInput[] = [];
  v.relationPlanId.forEach((planId, i) => {
    if (!planId.trim()) return;
    const relation = { kind: v.relationKind[i] as PlanRelationInput["kind"], toPlanId: Number(planId) };
    const key = `${relation.kind}:${relation.toPlanId}`;
    if (seen.has(key)) return;
    seen.add(key);
    relations.push(relation);
  });
  const { documentLabel: _l, documentUrl: _u, relationKind: _k, relationPlanId: _p, confirmLongConsultation: _c, ...rest } = v;
  // A SOSI code the same as the one derived from type and status is no hand choice: it follows them.
  const derived = sosiCodes({ type: v.type, status: v.status, sosiPlantype: null, sosiPlanstatus: null });
  const sosiPlantype = v.sosiPlantype === derived.sosiPlantype ? null : v.sosiPlantype;
  const sosiPlanstatus = v.sosiPlanstatus === derived.sosiPlanstatus ? null : v.sosiPlanstatus;
  return { ...rest, sosiPlantype, sosiPlanstatus, targets: [...new Set(v.targets)], documents, relations };
}

/** A plan input's stage and national fields when none is set (for callers that build inputs in code). */
export const NO_STAGES = {
  startNoticeOn: null, consultationFrom: null, consultationTo: null, consultationUrl: null, consultation2From: null, consultation2To: null,
  consultation2Url: null, nationalPlanId: null, sosiPlantype: null, sosiPlanstatus: null,
} as const;

/** A new plan as the form posts it. */
export const planCreateSchema = planFields.superRefine(refineStages, stagesValid).superRefine(refinePlan).transform(normalise);
export type PlanInput = z.output<typeof planCreateSchema>;

/** An edit: the same fields plus the plan and the version the editor started from. */
export const planUpdateSchema = planFields
  .extend({ id, version: z.coerce.number().int().min(1).max(2_147_483_647) })
  .superRefine(refineStages, stagesValid)
  .superRefine(refinePlan)
  .transform((v) => ({ ...normalise(v), id: v.id, version: v.version }));
export type PlanUpdateInput = z.output<typeof planUpdateSchema>;

/** Archive / restore: which plan, from which version. */
export const planVersionSchema = z.object({ id, version: z.coerce.number().int().min(1).max(2_147_483_647) });

/** A planning strategy's decision about a plan. */
export const decisionSchema = z.object({
  planId: id,
  periodId: id,
  decision: z.enum(strategyDecisionKinds, { message: "validation.choose" }),
  targetYear: year,
  note: z.preprocess((v) => v ?? "", z.string().trim().max(2000)),
});

/** Removing a planning strategy's decision about a plan. */
export const decisionRemoveSchema = z.object({ planId: id, periodId: id });
