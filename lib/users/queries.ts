import "server-only";
import { db } from "../db";

/** Users matching `q` in name or e-mail, admins first, then by name. */
export function searchUsers(q: string) {
  return db.user.findMany({
    where: q ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { email: { contains: q, mode: "insensitive" } }] } : undefined,
    orderBy: [{ active: "desc" }, { name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, email: true, role: true, active: true, lastSignInAt: true },
    take: 500,
  });
}

export type UserListItem = Awaited<ReturnType<typeof searchUsers>>[number];

export function getUser(id: number) {
  return db.user.findFirst({
    where: { id },
    select: { id: true, name: true, email: true, role: true, active: true, lastSignInAt: true, createdAt: true, passwordHash: true },
  });
}
