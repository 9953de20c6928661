// Lenient URL search-param parsing for filter pages: anything malformed is dropped, never an error.
// Text with control characters (a NUL byte, which PostgreSQL cannot store or compare, among them)
// is malformed too: dropped like any other value that does not parse.
import { z } from "zod";

/** Control characters; newline, carriage return and tab are allowed only where `multiLine`. */
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
export const CONTROL_CHARACTERS_MULTI_LINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const clean = (v: unknown) => (typeof v === "string" && CONTROL_CHARACTERS.test(v) ? undefined : v);

/** A repeated param as an array of the values that parse. */
export const many = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.unknown()).transform((a) => a.map(clean).filter((x) => x !== undefined && item.safeParse(x).success) as z.output<T>[]));

/** A single param (the first, if repeated), or undefined when it does not parse. */
export const optional = <T extends z.ZodType>(schema: T) =>
  z.unknown().transform((v) => { const r = schema.safeParse(clean(Array.isArray(v) ? v[0] : v)); return r.success ? (r.data as z.output<T>) : undefined; }).optional();

/** A single param that is one of `values` (the first, if repeated), else `fallback`. */
export const choice = <const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) =>
  // preprocess, not transform: a transform's key is required in zod 4, and an absent param is the fallback.
  z.preprocess((v) => { const first = Array.isArray(v) ? v[0] : v; return values.includes(first as string) ? first : fallback; }, z.enum(values));
