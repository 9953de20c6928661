// The read API's endpoints: query schema, path schema, what each loads and answers. The route
// handlers (app/api/v1) and the OpenAPI document (./openapi.ts) are both made from this table.
import "server-only";
import { z } from "zod";
import { planDetailSchema, planSchema, periodSchema, programRowSchema, publicPlanDetailSchema, publicPlanSchema, sdgGoalSchema } from "../public/fields";
import { emptyQuerySchema, idPathSchema, periodQuerySchema, planQuerySchema, scheduleQuerySchema } from "../public/params";
import { listPlans, listSchedulePlans, DEFAULT_LIMIT } from "../public/plans";
import { readPeriod, readPeriods, readPlanDetail, readSdgGoals } from "../public/detail";
import { decodeCursor, encodeCursor } from "../public/cursor";
import type { ApiRoute } from "./handler";

const pageOf = <T extends z.ZodType>(item: T, id: string) =>
  z.strictObject({ items: z.array(item), nextCursor: z.string().nullable().meta({ description: "Pass as cursor for the next page; null on the last" }) }).meta({ id });

// The planprogram's cursor holds an offset; a period has a few hundred rows, so any offset the
// API hands out is far below this bound, and a larger one is a forgery.
const programOffsetSchema = z.number().int().min(0).max(1_000_000);

const eitherPlan = z.union([publicPlanSchema, planSchema]);

export const apiRoutes = {
  plans: {
    path: "/plans",
    summary: "The register: plans, filtered and sorted, a page at a time",
    route: { query: planQuerySchema, load: (a, q, _p, db) => listPlans(a, q, db) } satisfies ApiRoute<typeof planQuerySchema>,
    response: pageOf(eitherPlan, "PlanPage"),
  },
  plan: {
    path: "/plans/{id}",
    summary: "One plan with its documents, relations and planning-strategy decisions",
    route: { query: emptyQuerySchema, path: idPathSchema, load: (a, _q, p, db) => readPlanDetail(a, Number(p.id), db) } satisfies ApiRoute<typeof emptyQuerySchema>,
    response: z.union([publicPlanDetailSchema, planDetailSchema]),
  },
  schedule: {
    path: "/schedule",
    summary: "The revision schedule: plans in force, earliest revision due first",
    route: { query: scheduleQuerySchema, load: (a, q, _p, db) => listSchedulePlans(a, q, db) } satisfies ApiRoute<typeof scheduleQuerySchema>,
    response: pageOf(eitherPlan, "SchedulePage"),
  },
  periods: {
    path: "/periods",
    summary: "Planning strategies (pbl. § 10-1), newest first, with their completion",
    route: { query: emptyQuerySchema, load: async (_a, _q, _p, db) => ({ items: await readPeriods(db) }) } satisfies ApiRoute<typeof emptyQuerySchema>,
    response: z.strictObject({ items: z.array(periodSchema) }).meta({ id: "PeriodList" }),
  },
  period: {
    path: "/periods/{id}",
    summary: "One planning strategy with its completion and its planprogram, a page at a time",
    route: {
      query: periodQuerySchema, path: idPathSchema,
      load: async (a, q, p, db) => {
        const limit = q.limit ?? DEFAULT_LIMIT;
        const offset = decodeCursor(q.cursor, "program", programOffsetSchema)?.value ?? 0;
        const period = await readPeriod(a, Number(p.id), { limit, offset }, db);
        if (!period) return null;
        const { more, ...rest } = period;
        return { ...rest, nextCursor: more ? encodeCursor({ sort: "program", value: offset + limit, id: 0 }) : null };
      },
    } satisfies ApiRoute<typeof periodQuerySchema>,
    response: periodSchema.extend({ program: z.array(programRowSchema), programTotal: z.number().int().meta({ description: "Rows of the planprogram the reader may see" }), nextCursor: z.string().nullable() }).meta({ id: "PeriodDetail" }),
  },
  sdgGoals: {
    path: "/sdg/goals",
    summary: "The 17 SDG goals with their targets and how many plans in force address each",
    route: { query: emptyQuerySchema, load: async (a, _q, _p, db) => ({ items: await readSdgGoals(a, db) }) } satisfies ApiRoute<typeof emptyQuerySchema>,
    response: z.strictObject({ items: z.array(sdgGoalSchema) }).meta({ id: "SdgGoalList" }),
  },
} as const;

export type ApiRouteName = keyof typeof apiRoutes;
