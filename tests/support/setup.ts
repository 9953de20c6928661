import { afterAll, expect, inject } from "vitest";

// lib/db.ts reads these on first use.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.DATABASE_POOL_MAX = "4";
// The embedded database has one session for every client: the app role per transaction (decision 045).
if (inject("embedded")) process.env.DATABASE_APP_ROLE = "set-local";
process.env.NEXTAUTH_SECRET ??= "test-secret-for-vitest-only-0123456789abcdef";

// Two queries sent at once on one pg client (e.g. a transaction shared by parallel reads) is
// deprecated in pg 8 and an error in pg 9: fail the test file that does it.
const overlapping: string[] = [];
const onWarning = (warning: Error) => {
  if (warning.name === "DeprecationWarning" && /client is already executing a query/.test(warning.message)) overlapping.push(warning.stack ?? warning.message);
};
process.on("warning", onWarning);
afterAll(() => {
  process.off("warning", onWarning);
  expect(overlapping, "a pg client was sent a query while it was executing another").toEqual([]);
});
