// Names of the owners a page of the preview mentions (one query).
import "server-only";
import { db } from "../db";
import type { FieldChange } from "../plans/snapshot";

export async function ownerNames(rows: { changes: FieldChange[] }[]): Promise<Map<number, string>> {
  const ids = new Set<number>();
  for (const r of rows) for (const c of r.changes) if (c.field === "ownerId") for (const v of [c.from, c.to]) if (typeof v === "number") ids.add(v);
  if (ids.size === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}
