// Opaque cursors for the API's pages: the last item's sort key, base64url JSON. A cursor from
// another sort, or one whose value is not of its sort's kind and range, is a bad parameter (400),
// never a 500: everything in a cursor reaches the database only after this check.
import { z } from "zod";

export class BadCursorError extends Error {}

/** Ids are PostgreSQL `integer`s (0 where the key has none). */
const idSchema = z.number().int().min(0).max(2_147_483_647);
export type CursorKey<V = string | number | null> = { sort: string; value: V; id: number };

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify([key.sort, key.value, key.id])).toString("base64url");
}

/** The key in `cursor`, which must have been made for `sort` with a value that `value` accepts. */
export function decodeCursor<V>(cursor: string | undefined, sort: string, value: z.ZodType<V>): CursorKey<V> | null {
  if (cursor === undefined) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw new BadCursorError();
  }
  const parsed = z.tuple([z.literal(sort), value, idSchema]).safeParse(raw);
  if (!parsed.success) throw new BadCursorError();
  return { sort, value: parsed.data[1], id: parsed.data[2] };
}
