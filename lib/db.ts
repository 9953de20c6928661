// The one PrismaClient of the app, server-only.
import "server-only";
import { createPrismaClient, type PrismaClient } from "./prisma-client";

const globalForPrisma = globalThis as unknown as { planregisterDb?: PrismaClient };

function instance(): PrismaClient {
  if (globalForPrisma.planregisterDb) return globalForPrisma.planregisterDb;
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the app with npm start or npm run dev.");
  const max = process.env.DATABASE_POOL_MAX ? Number(process.env.DATABASE_POOL_MAX) : 10;
  // One instance per process, also across dev-server hot reloads.
  globalForPrisma.planregisterDb = createPrismaClient(url, { max });
  return globalForPrisma.planregisterDb;
}

/** The app's PrismaClient; connects on first use, so importing it (e.g. during a build) is free. */
export const db = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = instance();
    const value = Reflect.get(client, property, client) as unknown;
    return typeof value === "function" ? value.bind(client) : value;
  },
});
