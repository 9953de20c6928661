import fs from "node:fs";
import path from "node:path";

/** What e2e/server.ts tells the tests: its database, session secret and the two instances' URLs. */
export type E2eState = { databaseUrl: string; secret: string; baseUrl: string; directUrl: string };

export const E2E_STATE_FILE = path.join(import.meta.dirname, ".state", "server.json");

export function readE2eState(): E2eState {
  return JSON.parse(fs.readFileSync(E2E_STATE_FILE, "utf8")) as E2eState;
}
