// One more instance of the production server (the same build and secret as e2e/server.ts's),
// for tests that need their own settings or their own view of the database.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { projectRoot } from "../../scripts/db/schema-engine";
import { readE2eState } from "../state";

export type ExtraServer = { url: string; stop: () => Promise<void> };

export async function startExtraServer(port: number, env: Record<string, string>): Promise<ExtraServer> {
  const state = readE2eState();
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", path.join(projectRoot, "scripts/server.ts")], {
    cwd: projectRoot,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", HOSTNAME: "localhost", PORT: String(port), DATABASE_URL: state.databaseUrl, NEXTAUTH_SECRET: state.secret, NEXTAUTH_URL: state.baseUrl, ...env },
  });
  const url = `http://localhost:${port}`;
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) throw new Error(`the extra server on ${port} exited with ${child.exitCode}`);
    const up = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (up) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    },
  };
}
