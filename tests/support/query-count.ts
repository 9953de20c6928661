// A PrismaClient that counts its queries, for tests that a page reads in a fixed number of them.
import { PrismaPg } from "@prisma/adapter-pg";
import { inject } from "vitest";
import { PrismaClient } from "../../lib/generated/prisma/client";

/** Runs `fn` with a counting client; `queries()` is the number since the last `reset()`. */
export async function withQueryCount(fn: (client: PrismaClient, counter: { reset: () => void; queries: () => number }) => Promise<void>) {
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: inject("databaseUrl"), max: 2 }), log: [{ emit: "event", level: "query" }] });
  let queries = 0;
  client.$on("query", () => { queries++; });
  try {
    await fn(client, { reset: () => { queries = 0; }, queries: () => queries });
  } finally {
    await client.$disconnect();
  }
}
