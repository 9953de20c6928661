import pg from "pg";

const g = globalThis as unknown as { anchorPool?: pg.Pool };
/** One pool per process, as the project has one PrismaClient. */
export const pool = (g.anchorPool ??= new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 }));
pool.on("error", () => undefined);
