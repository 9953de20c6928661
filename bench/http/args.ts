// Command-line flags of npm run bench:http (see bench/http/run.ts).
import { parseArgs } from "node:util";

export const ROW_KEYS = ["static", "health", "plans", "plans-rendered", "plans-search", "plan", "overview", "overview-rendered", "schedule", "schedule-filtered", "period", "sdg", "sdg-goal", "calendar", "innsyn", "innsyn-plan", "innsyn-schedule", "api-plans"] as const;
export type RowKey = (typeof ROW_KEYS)[number];

export type BenchArgs = {
  plans: number; seconds: number; connections: number; embedded: boolean; keep: boolean; rows: RowKey[]; cpuProf: string | null; skipRss: boolean;
  /** The Node.js the servers run on: "current" (the bench's own) or "24" (scripts/node24.sh). */
  runtime: "current" | "24";
  /** Seconds of the one-connection pass per row (0: none). */
  singleSeconds: number;
  anchor: boolean;
  /** Municipalities in the one database (`plans` split evenly); the first is measured. */
  tenants: number;
};

function positive(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} needs a positive whole number, not "${raw}".`);
  return value;
}

export function benchArgs(argv = process.argv.slice(2)): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      plans: { type: "string" }, seconds: { type: "string" }, connections: { type: "string" }, rows: { type: "string" },
      embedded: { type: "boolean", default: false }, keep: { type: "boolean", default: false },
      "cpu-prof": { type: "string" }, "skip-rss": { type: "boolean", default: false },
      runtime: { type: "string" }, "single-seconds": { type: "string" }, "no-anchor": { type: "boolean", default: false }, tenants: { type: "string" },
    },
  });
  const rows = values.rows ? values.rows.split(",").map((r) => r.trim()).filter(Boolean) : [...ROW_KEYS];
  const unknown = rows.filter((r) => !(ROW_KEYS as readonly string[]).includes(r));
  if (unknown.length) throw new Error(`Unknown row(s) ${unknown.join(", ")}; rows are ${ROW_KEYS.join(", ")}.`);
  return {
    plans: positive("plans", values.plans, 10_000),
    seconds: positive("seconds", values.seconds, 10),
    connections: positive("connections", values.connections, 16),
    embedded: values.embedded,
    keep: values.keep,
    rows: rows as RowKey[],
    cpuProf: values["cpu-prof"] ?? null,
    skipRss: values["skip-rss"],
    runtime: runtimeArg(values.runtime),
    singleSeconds: values["single-seconds"] === "0" ? 0 : positive("single-seconds", values["single-seconds"], 5),
    anchor: !values["no-anchor"],
    tenants: positive("tenants", values.tenants, 1),
  };
}

function runtimeArg(raw: string | undefined): BenchArgs["runtime"] {
  if (raw === undefined || raw === "current") return "current";
  if (raw === "24") return "24";
  throw new Error(`--runtime is "current" (the Node.js running the bench) or "24" (Node 24 LTS via scripts/node24.sh), not "${raw}".`);
}
