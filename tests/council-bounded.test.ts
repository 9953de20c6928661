// Council documents are bounded per instance: viewers of one document share one build, builds
// at once are capped (past it: null, answered 503), and a change to the register makes a new one.
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { boundedCouncilFile, councilBusy } from "../lib/council/bounded";
import { createPlan, unique } from "./support/factories";

const slowFile = (counter: { builds: number }, ms = 200) => async () => {
  counter.builds++;
  await new Promise((r) => setTimeout(r, ms));
  return Buffer.from("docx");
};

// Other test files write to the same register at the same time, and each write moves its version
// (a new version rightly means a new build). Holding the version row locked keeps it still: their
// writes wait until `work` is done.
// (Embedded PGlite has one session for every client: no lock is held there.)
async function withVersionHeld(work: () => Promise<void>) {
  if (inject("embedded")) return work();
  const owner = new pg.Client({ connectionString: inject("databaseUrl") });
  await owner.connect();
  try {
    await owner.query("BEGIN");
    await owner.query("SELECT version FROM data_versions WHERE name = 'register' FOR UPDATE");
    await work();
  } finally {
    await owner.query("ROLLBACK").catch(() => undefined);
    await owner.end();
  }
}

describe("bounded council documents", () => {
  it("eight viewers of the same document at once get one build", () => withVersionHeld(async () => {
    const counter = { builds: 0 };
    const key = unique("samme");
    const files = await Promise.all(Array.from({ length: 8 }, () => boundedCouncilFile(key, slowFile(counter))));
    expect(counter.builds).toBe(1);
    expect(files.every((f) => f?.toString() === "docx")).toBe(true);
    expect(await boundedCouncilFile(key, slowFile(counter))).not.toBeNull();
    expect(counter.builds).toBe(1);
  }));

  it("more different documents at once than the cap are refused with 503 and Retry-After, and built once the others are done", async () => {
    const counter = { builds: 0 };
    const keys = Array.from({ length: 5 }, () => unique("ulik"));
    const files = await Promise.all(keys.map((k) => boundedCouncilFile(k, slowFile(counter))));
    expect(files.filter((f) => f === null)).toHaveLength(3);
    expect(counter.builds).toBe(2);
    const busy = councilBusy();
    expect(busy.status).toBe(503);
    expect(busy.headers.get("retry-after")).toBe("10");
    expect(await boundedCouncilFile(keys[files.indexOf(null)]!, slowFile(counter))).not.toBeNull();
  });

  it("a change to the register makes a new build; a failed build is not kept", async () => {
    const counter = { builds: 0 };
    const key = unique("versjon");
    await boundedCouncilFile(key, slowFile(counter, 1));
    await createPlan({});
    await boundedCouncilFile(key, slowFile(counter, 1));
    expect(counter.builds).toBe(2);
    const failing = unique("feil");
    await expect(boundedCouncilFile(failing, () => Promise.reject(new Error("db")))).rejects.toThrow("db");
    expect(await boundedCouncilFile(failing, slowFile(counter, 1))).not.toBeNull();
  });
});
