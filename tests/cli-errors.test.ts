// Bad configuration ends with one sentence saying what is wrong and what to do — no stack trace.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { startEmbedded } from "../scripts/db/embedded";
import { projectRoot } from "../scripts/db/schema-engine";

function run(script: string, args: string[], env: Record<string, string>) {
  const { DATABASE_URL: _ignored, ...base } = process.env;
  const result = spawnSync(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: projectRoot,
    env: { ...base, ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stderr: result.stderr.trim() };
}

function expectOneSentence(stderr: string, pattern: RegExp) {
  expect(stderr).toMatch(pattern);
  expect(stderr.split("\n")).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe("command-line failures", () => {
  it("an unreachable DATABASE_URL is named with what to do", () => {
    const { status, stderr } = run("scripts/db-migrate.ts", ["deploy"], { DATABASE_URL: "postgresql://postgres@127.0.0.1:1/planregister" });
    expect(status).toBe(1);
    expectOneSentence(stderr, /^✖ Cannot reach PostgreSQL at 127\.0\.0\.1:1 \(ECONNREFUSED\): start the server, fix DATABASE_URL, or unset DATABASE_URL/);
  });

  it("npm start with DATABASE_URL but no NEXTAUTH_SECRET refuses at once, before building", () => {
    const started = Date.now();
    const { status, stderr } = run("scripts/run.ts", ["start", "--build"], { DATABASE_URL: "postgresql://postgres@127.0.0.1:1/planregister", NEXTAUTH_SECRET: "", PORT: "3977" });
    expect(status).toBe(1);
    expectOneSentence(stderr, /^✖ NEXTAUTH_SECRET is not set/);
    // A build takes well over ten seconds here; the refusal comes before it.
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("a malformed DATABASE_URL is named", () => {
    const { status, stderr } = run("scripts/db-migrate.ts", ["deploy"], { DATABASE_URL: "postgresql://127.0.0.1:5432" });
    expect(status).toBe(1);
    expectOneSentence(stderr, /^✖ DATABASE_URL is not a valid PostgreSQL URL/);
  });

  it("a port already in use stops npm start before anything else happens", async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const { status, stderr } = run("scripts/run.ts", ["start"], { PORT: String(port) });
      expect(status).toBe(1);
      expectOneSentence(stderr, new RegExp(`^✖ Port ${port} is already in use: stop the program that uses it, or choose another port`));
    } finally {
      blocker.close();
    }
  });

  it("a second process on the same embedded data folder is refused instead of corrupting it", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "planregister-data-"));
    const holder = await startEmbedded({ dataDir });
    try {
      const { status, stderr } = run("scripts/db-migrate.ts", ["deploy"], { PLANREGISTER_DATA_DIR: dataDir });
      expect(status).toBe(1);
      expectOneSentence(stderr, new RegExp(`is in use by process ${process.pid} .*stop that first, or set DATABASE_URL\\.$`));
    } finally {
      await holder.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("db:migrate:new without a name says how to call it", () => {
    const { status, stderr } = run("scripts/db-migrate.ts", ["new"], {});
    expect(status).toBe(1);
    expectOneSentence(stderr, /^✖ Name the migration: npm run db:migrate:new -- <name>/);
  });
});
