// One-time links to set a password. Only the SHA-256 of the token is stored; a link works once,
// for PASSWORD_LINK_HOURS (default 72).
import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { newSecretToken } from "./secret-token";

export const passwordLinkHours = () => Number(process.env.PASSWORD_LINK_HOURS ?? 72);

/** Creates a token for `userId` (voiding earlier unused ones) and returns it in clear, once. */
export async function createPasswordToken(tx: Prisma.TransactionClient, userId: number, createdById: number | null): Promise<string> {
  const { token, hash } = newSecretToken();
  const now = new Date();
  await tx.passwordToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
  await tx.passwordToken.create({
    data: { userId, createdById, tokenHash: hash, expiresAt: new Date(now.getTime() + passwordLinkHours() * 3_600_000) },
  });
  return token;
}

/** The path of the page where the token is used. */
export const passwordLinkPath = (token: string) => `/set-password/${token}`;
