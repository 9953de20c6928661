// The county view's URL parameters: checked strictly (an unreadable value is named back to the
// user, never guessed at or a 500). The page shows the message; downloads and the API answer 400.
import { z } from "zod";
import { CONTROL_CHARACTERS } from "../url-params";
import { countySortKeys, strategyStates } from "./figures";

// An empty field of the filter form (q=&state=) means no filter.
const single = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema);

export const countyFilterSchema = z.object({
  q: single(z.string().max(100, "at most 100 characters").refine((s) => !CONTROL_CHARACTERS.test(s), "control characters").optional()),
  state: single(z.enum(strategyStates).optional()),
  overdue: single(z.enum(["yes", "no"]).optional()),
  sort: single(z.enum(countySortKeys).default("name")),
  dir: single(z.enum(["asc", "desc"]).default("asc")),
});

export const countyDownloadSchema = countyFilterSchema.extend({ format: z.enum(["csv", "json"]).default("csv") });

/** A municipality's number in a path: four digits, else it names nothing (404). */
export const kommunenummerSchema = z.string().regex(/^\d{4}$/);

export const DRILL_PAGE_SIZE = 25;
/** ?page= of the drill-down: 1–10,000. */
export const drillPageSchema = z.object({ page: z.coerce.number().int().min(1).max(10_000).default(1) });

/** Names of the parameters a failed parse could not read. */
export const badParams = (error: z.ZodError) => [...new Set(error.issues.map((i) => String(i.path[0] ?? "?")))];
