// pg-boss 10 settles a job after its handler with complete() or fail() without awaiting either
// (src/manager.js, onFetch). When the database connection ends at that moment (a restart, a
// failover, pg_terminate_backend, idle_session_timeout) the rejection is unhandled and ends the
// worker process — and with it `npm start`. Seen in e2e/connection-loss.spec.ts. Guarded here:
// the error is logged and the job, left active, is retried after its lease like any unfinished
// job (every job of ours is idempotent). Nothing of ours calls complete() or fail() itself.
import { createRequire } from "node:module";

type Settle = (this: unknown, ...args: unknown[]) => Promise<unknown>;
type Guarded = Settle & { original?: Settle };
type ManagerPrototype = Record<"complete" | "fail", Guarded>;

let log: (line: string) => void = (line) => console.error(line);

/** Makes pg-boss's job settlement never reject (once per process); `report` gets each failure. */
export function guardJobSettlement(report?: (line: string) => void): ManagerPrototype {
  if (report) log = report;
  const prototype = (createRequire(import.meta.url)("pg-boss/src/manager.js") as { prototype: ManagerPrototype }).prototype;
  for (const name of ["complete", "fail"] as const) {
    const original = prototype[name];
    if (original.original) continue;
    const guarded: Guarded = function (this: unknown, ...args: unknown[]) {
      return original.apply(this, args).catch((error: unknown) => {
        log(`mail worker: could not mark a job ${name === "complete" ? "done" : "failed"} (it runs again after its lease): ${(error as Error).message}`);
        return null;
      });
    };
    guarded.original = original;
    prototype[name] = guarded;
  }
  return prototype;
}
