// Lenient URL search-param parsing for filter pages: anything malformed is dropped, never an error.
import { z } from "zod";

/** A repeated param as an array of the values that parse. */
export const many = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.unknown()).transform((a) => a.filter((x) => item.safeParse(x).success) as z.output<T>[]));

/** A single param (the first, if repeated), or undefined when it does not parse. */
export const optional = <T extends z.ZodType>(schema: T) =>
  z.unknown().transform((v) => { const r = schema.safeParse(Array.isArray(v) ? v[0] : v); return r.success ? (r.data as z.output<T>) : undefined; }).optional();
