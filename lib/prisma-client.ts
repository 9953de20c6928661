// Builds a PrismaClient on node-postgres (no native engine). The app uses the one instance in
// lib/db.ts; scripts and tests build their own with this function.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";

/** A PrismaClient for `url`; `max` bounds the connection pool. */
export function createPrismaClient(url: string, options: { max?: number } = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString: url, max: options.max ?? 10 });
  return new PrismaClient({ adapter });
}

export type { PrismaClient };
