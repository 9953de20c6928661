// Opaque cursors for the API's pages: the last item's sort key, base64url JSON. A cursor from
// another sort, or one that does not parse, is a bad parameter (400), never a 500.
import { z } from "zod";

export class BadCursorError extends Error {}

const keySchema = z.tuple([z.string().max(60), z.union([z.string().max(400), z.number(), z.null()]), z.number().int()]);
export type CursorKey = { sort: string; value: string | number | null; id: number };

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify([key.sort, key.value, key.id])).toString("base64url");
}

/** The key in `cursor`, which must have been made for `sort`. */
export function decodeCursor(cursor: string | undefined, sort: string): CursorKey | null {
  if (cursor === undefined) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw new BadCursorError();
  }
  const parsed = keySchema.safeParse(raw);
  if (!parsed.success || parsed.data[0] !== sort) throw new BadCursorError();
  return { sort, value: parsed.data[1], id: parsed.data[2] };
}
