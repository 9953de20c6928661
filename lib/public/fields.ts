// The one allow-list of what the public may see (decision 025): these zod schemas are what the
// innsyn pages render, what the API answers without a token, what the open-data files hold, and
// what the OpenAPI document describes (lib/api/openapi.ts). Objects are strict, so a field that is
// not listed here fails the response check in the tests instead of leaking.
import { z } from "zod";
import { consultationStates } from "../plans/consultation";
import { decisionBodies, planStatuses, planTypes, relationKinds, strategyDecisionKinds } from "../plans/schema";

const day = z.iso.date().meta({ description: "A calendar day, YYYY-MM-DD" });
const nullableText = z.string().nullable();

export const planTypeSchema = z.enum(planTypes).meta({ id: "PlanType" });
export const planStatusSchema = z.enum(planStatuses).meta({ id: "PlanStatus" });
export const decisionBodySchema = z.enum(decisionBodies).meta({ id: "DecisionBody" });
export const dueStateSchema = z.enum(["overdue", "soon", "later", "none"]).meta({
  id: "DueState", description: "Revision due: overdue, within 12 months, later, or no date",
});

export const consultationSchema = z.strictObject({
  round: z.union([z.literal(1), z.literal(2)]).meta({ description: "1: the consultation; 2: a second consultation" }),
  from: day,
  to: day.meta({ description: "The consultation deadline (last day for comments), YYYY-MM-DD" }),
  url: nullableText.meta({ description: "The consultation documents" }),
  state: z.enum(consultationStates).meta({ description: "upcoming, open (from ≤ today ≤ to, Europe/Oslo), or ended" }),
  deadlinePassed: z.boolean().meta({ description: "Høringsfrist utløpt: the latest consultation has ended and the plan has not been adopted since" }),
}).meta({ id: "Consultation" });

/** A plan as the public sees it: in the register, on its page, in the API without a token, in the open-data files. */
export const publicPlanSchema = z.strictObject({
  id: z.number().int(),
  title: z.string(),
  type: planTypeSchema,
  status: planStatusSchema,
  adoptedOn: day.nullable(),
  adoptedBy: decisionBodySchema.nullable(),
  caseNumber: nullableText,
  decisionUrl: nullableText,
  revisionDueOn: day.nullable(),
  dueState: dueStateSchema,
  periodFromYear: z.number().int().nullable(),
  periodToYear: z.number().int().nullable(),
  responsibleUnit: nullableText,
  summary: z.string(),
  legallyRequired: z.boolean(),
  sdgTargets: z.array(z.string()).meta({ description: "UN codes of the SDG targets the plan addresses, e.g. 11.3" }),
  updatedAt: z.iso.datetime(),
  startNoticeOn: day.nullable().meta({ description: "Notice of start (oppstart varslet)" }),
  consultation: consultationSchema.nullable().meta({ description: "The latest consultation (høring og offentlig ettersyn), or null" }),
  nationalPlanId: nullableText.meta({ description: "Area plans: kommunenummer_planidentifikasjon, as in the national plan register" }),
  sosiPlantype: z.number().int().nullable().meta({ description: "Area plans: SOSI Plan plantype code (e.g. 20 kommuneplanens arealdel)" }),
  sosiPlanstatus: z.number().int().nullable().meta({ description: "Area plans: SOSI Plan planstatus code (e.g. 3 endelig vedtatt arealplan)" }),
}).meta({ id: "PublicPlan" });
export type PublicPlan = z.output<typeof publicPlanSchema>;

/** With a token the reader sees what their role may read: also the owner, archived plans and drafts. */
export const planSchema = publicPlanSchema.extend({
  owner: z.strictObject({ id: z.number().int(), name: z.string() }).nullable(),
  archived: z.boolean(),
  publicDraft: z.boolean().meta({ description: "A plan not yet adopted that is shown on innsyn" }),
}).meta({ id: "Plan" });
export type Plan = z.output<typeof planSchema>;

export const planRefSchema = z.strictObject({ id: z.number().int(), title: z.string() }).meta({ id: "PlanRef" });

export const publicPlanDetailSchema = publicPlanSchema.extend({
  documents: z.array(z.strictObject({ label: z.string(), url: z.string() })),
  relations: z.array(z.strictObject({
    kind: z.enum(relationKinds),
    direction: z.enum(["outgoing", "incoming"]).meta({ description: "outgoing: this plan includes/supports/replaces the other" }),
    plan: planRefSchema,
  })),
  consultations: z.array(consultationSchema).meta({ description: "Every consultation round, first first" }),
  strategyDecisions: z.array(z.strictObject({ periodId: z.number().int(), periodName: z.string(), decision: z.enum(strategyDecisionKinds), targetYear: z.number().int().nullable() })),
}).meta({ id: "PublicPlanDetail" });
export type PublicPlanDetail = z.output<typeof publicPlanDetailSchema>;

export const planDetailSchema = publicPlanDetailSchema.extend(planSchema.shape).meta({ id: "PlanDetail" });
export type PlanDetail = z.output<typeof planDetailSchema>;

const rateSchema = z.strictObject({ total: z.number().int(), done: z.number().int(), pending: z.number().int(), notDone: z.number().int(), rate: z.number().nullable() }).meta({ id: "CompletionRate" });

export const completionSchema = z.strictObject({
  overall: rateSchema,
  byKind: z.strictObject({ new: rateSchema, revise: rateSchema, continue: rateSchema, repeal: rateSchema }),
}).meta({ id: "Completion" });

/** A planning strategy (pbl. § 10-1) without its internal note. */
export const periodSchema = z.strictObject({
  id: z.number().int(),
  name: z.string(),
  startYear: z.number().int(),
  endYear: z.number().int(),
  councilConstitutedOn: day.nullable(),
  draftPublishedOn: day.nullable(),
  adoptedOn: day.nullable(),
  adoptedBy: decisionBodySchema.nullable(),
  caseNumber: nullableText,
  decisionUrl: nullableText,
  completion: completionSchema,
}).meta({ id: "Period" });
export type PublicPeriod = z.output<typeof periodSchema>;

export const programRowSchema = z.strictObject({
  decision: z.enum(strategyDecisionKinds),
  targetYear: z.number().int().nullable(),
  outcome: z.enum(["done", "pending", "notDone"]),
  plan: z.strictObject({ id: z.number().int(), title: z.string(), type: planTypeSchema, status: planStatusSchema, adoptedOn: day.nullable(), responsibleUnit: nullableText }),
}).meta({ id: "ProgramRow" });
export type PublicProgramRow = z.output<typeof programRowSchema>;

export const sdgGoalSchema = z.strictObject({
  code: z.number().int(),
  titleNb: z.string(),
  titleEn: z.string(),
  shortNb: z.string(),
  shortEn: z.string(),
  uri: z.string(),
  planCount: z.number().int().meta({ description: "Plans in force (that the reader may see) addressing the goal" }),
  targets: z.array(z.strictObject({ code: z.string(), textNb: z.string().nullable(), textEn: z.string(), uri: z.string(), planCount: z.number().int() })),
}).meta({ id: "SdgGoal" });
export type PublicSdgGoal = z.output<typeof sdgGoalSchema>;

/** The allow-list as names: every key a public plan may carry (tests compare responses and pages with it). */
export const PUBLIC_PLAN_FIELDS = Object.keys(publicPlanSchema.shape) as (keyof PublicPlan)[];
export const PUBLIC_PLAN_DETAIL_FIELDS = Object.keys(publicPlanDetailSchema.shape) as (keyof PublicPlanDetail)[];
export const PUBLIC_PERIOD_FIELDS = Object.keys(periodSchema.shape) as (keyof PublicPeriod)[];
