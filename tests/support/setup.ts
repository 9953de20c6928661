import { inject } from "vitest";

// lib/db.ts reads these on first use.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.DATABASE_POOL_MAX = "4";
process.env.NEXTAUTH_SECRET ??= "test-secret-for-vitest-only-0123456789abcdef";
