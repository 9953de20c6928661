// User administration. Every change runs in one transaction with its audit row; role and
// active-state changes hold an advisory lock so that two admins cannot together remove the last
// active admin.
import "server-only";
import { db } from "../db";
import { recordAudit } from "../audit";
import { DomainError } from "../errors";
import { createPasswordToken } from "../auth/password-tokens";
import type { Prisma } from "../generated/prisma/client";
import type { Role } from "../permissions";

type Tx = Prisma.TransactionClient;

async function lockAdmins(tx: Tx) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('planregister.admins'))`;
}

async function getUserOrThrow(tx: Tx, id: number) {
  const user = await tx.user.findUnique({ where: { id } });
  if (!user) throw new DomainError("not_found", "notFound");
  return user;
}

// Refuses a change that would leave no active admin.
async function assertAnotherActiveAdmin(tx: Tx, userId: number) {
  const others = await tx.user.count({ where: { role: "admin", active: true, id: { not: userId } } });
  if (others === 0) throw new DomainError("conflict", "lastAdmin");
}

async function revokeSessions(tx: Tx, userId: number) {
  await tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** Creates a user without a password and returns a one-time set-password token. */
export async function createUser(actorId: number | null, input: { name: string; email: string; role: Role }) {
  return db.$transaction(async (tx) => {
    if (await tx.user.findFirst({ where: { email: input.email } })) throw new DomainError("conflict", "emailTaken", "email");
    const user = await tx.user.create({ data: input });
    const token = await createPasswordToken(tx, user.id, actorId);
    await recordAudit(tx, { type: "user.created", actorId, userId: user.id, after: { email: user.email, name: user.name, role: user.role } });
    return { user, token };
  });
}

/** Changes a role; the user's sessions end (the new role applies from their next sign-in). */
export async function changeRole(actorId: number, userId: number, role: Role) {
  return db.$transaction(async (tx) => {
    await lockAdmins(tx);
    const user = await getUserOrThrow(tx, userId);
    if (user.role === role) return user;
    if (user.role === "admin" && user.active) await assertAnotherActiveAdmin(tx, userId);
    const updated = await tx.user.update({ where: { id: userId }, data: { role, sessionVersion: { increment: 1 } } });
    await revokeSessions(tx, userId);
    await recordAudit(tx, { type: "user.role_changed", actorId, userId, before: { role: user.role }, after: { role } });
    return updated;
  });
}

/** Deactivates (signing the user out everywhere) or reactivates a user. */
export async function setActive(actorId: number, userId: number, active: boolean) {
  return db.$transaction(async (tx) => {
    await lockAdmins(tx);
    const user = await getUserOrThrow(tx, userId);
    if (user.active === active) return user;
    if (!active && user.role === "admin") await assertAnotherActiveAdmin(tx, userId);
    const updated = await tx.user.update({ where: { id: userId }, data: { active, ...(active ? {} : { sessionVersion: { increment: 1 } }) } });
    if (!active) await revokeSessions(tx, userId);
    await recordAudit(tx, { type: active ? "user.reactivated" : "user.deactivated", actorId, userId, before: { active: user.active }, after: { active } });
    return updated;
  });
}

/** Removes the password, ends the user's sessions and returns a new one-time link token. */
export async function resetPassword(actorId: number, userId: number) {
  return db.$transaction(async (tx) => {
    const user = await getUserOrThrow(tx, userId);
    await tx.user.update({ where: { id: userId }, data: { passwordHash: null, sessionVersion: { increment: 1 } } });
    await revokeSessions(tx, userId);
    const token = await createPasswordToken(tx, userId, actorId);
    await recordAudit(tx, { type: "user.password_reset", actorId, userId, before: { hadPassword: user.passwordHash !== null }, after: { hadPassword: false } });
    return { user, token };
  });
}
