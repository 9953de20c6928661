// Recognising database errors that a user can act on.
import { Prisma } from "./generated/prisma/client";

/** A unique constraint refused the write (Prisma P2002). */
export const isUniqueViolation = (e: unknown): boolean => e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";
