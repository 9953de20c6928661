// The planprogram's page and page size, from the URL. Lenient: anything malformed is ignored.
import { z } from "zod";
import { optional } from "../url-params";

export const programParamsSchema = z.object({
  page: optional(z.coerce.number().int().min(1).max(100_000)),
  /** Decisions per page (PROGRAM_PAGE_SIZE by default); bounded so no page grows with the program. */
  size: optional(z.coerce.number().int().min(10).max(200)),
});
export type ProgramParams = z.output<typeof programParamsSchema>;

/** Decisions per page of the planprogram when the URL does not say. */
export const PROGRAM_PAGE_SIZE = 50;

/** A period's page with these params (the first page and the default size left out of the URL). */
export function programHref(periodId: number, p: ProgramParams): string {
  const query = new URLSearchParams();
  if (p.size) query.set("size", String(p.size));
  if (p.page && p.page > 1) query.set("page", String(p.page));
  const s = query.toString();
  return `/periods/${periodId}${s ? `?${s}` : ""}`;
}
