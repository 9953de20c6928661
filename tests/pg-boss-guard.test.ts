// pg-boss 10 does not await a job's complete()/fail(): a connection that ends at that moment would
// be an unhandled rejection that stops the worker (lib/mail/pg-boss-guard.ts).
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { guardJobSettlement } from "../lib/mail/pg-boss-guard";

type Settle = ((...a: unknown[]) => Promise<unknown>) & { original?: (...a: unknown[]) => Promise<unknown> };
type Manager = { fail: Settle; complete: Settle };
const ManagerClass = createRequire(import.meta.url)("pg-boss/src/manager.js") as { prototype: Manager };

// A manager whose database connection was just terminated.
const terminated = () => {
  const manager = Object.create(ManagerClass.prototype) as Manager & Record<string, unknown>;
  manager.db = { executeSql: () => Promise.reject(new Error("terminating connection due to administrator command")) };
  return manager;
};

describe("pg-boss job settlement", () => {
  it("rejects when the connection is gone, unguarded (pg-boss's own fail)", async () => {
    const own = ManagerClass.prototype.fail.original ?? ManagerClass.prototype.fail;
    await expect(own.call(terminated(), "mail-scan", "00000000-0000-0000-0000-000000000000", new Error("x"))).rejects.toThrow("terminating");
  });

  it("never rejects once guarded, and says why the job was not settled", async () => {
    const lines: string[] = [];
    guardJobSettlement((line) => lines.push(line));
    guardJobSettlement((line) => lines.push(line));
    await expect(terminated().fail("mail-scan", "00000000-0000-0000-0000-000000000000", new Error("x"))).resolves.toBeNull();
    await expect(terminated().complete("mail-scan", "00000000-0000-0000-0000-000000000000")).resolves.toBeNull();
    expect(lines).toEqual([
      "mail worker: could not mark a job failed (it runs again after its lease): terminating connection due to administrator command",
      "mail worker: could not mark a job done (it runs again after its lease): terminating connection due to administrator command",
    ]);
  });
});
