// The app under test: a fresh database with the example data, and the production build.
// Started and stopped by Playwright (playwright.config.ts → webServer). Writes what the tests
// need to reach the same database and sign sessions to e2e/.state/server.json.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createFreshDatabase } from "../scripts/db/fresh";
import { prepareDatabase } from "../scripts/db/prepare";
import { urlFromPgConfig } from "../scripts/db/connection";
import { projectRoot } from "../scripts/db/schema-engine";
import { E2E_STATE_FILE, type E2eState } from "./state";
import { startTestIdp } from "./support/oidc-idp";
import { seedTenantB, TENANT_B } from "./support/tenant-b";

const port = process.env.E2E_PORT ?? "3210";
const target = await createFreshDatabase("planregister_e2e");
await prepareDatabase(target, { demo: true });
// A second municipality on b.localhost only; Røros stays on localhost and 127.0.0.1.
await seedTenantB(urlFromPgConfig(target.config));

const state: E2eState = {
  databaseUrl: urlFromPgConfig(target.config),
  secret: randomBytes(32).toString("base64url"),
  baseUrl: `http://localhost:${port}`,
  directUrl: `http://localhost:${Number(port) + 1}`,
};
// Røros on localhost, municipality B on its own host: single sign-on comes back to either.
const idp = await startTestIdp(Number(process.env.E2E_OIDC_PORT ?? 3299), [state.baseUrl, `http://${TENANT_B.host}:${port}`]);
fs.mkdirSync(path.dirname(E2E_STATE_FILE), { recursive: true });
fs.writeFileSync(E2E_STATE_FILE, JSON.stringify(state), { mode: 0o600 });

// Two instances of the production server on one database, as behind a load balancer. The main
// one trusts one proxy (the tests play that proxy and name client addresses in X-Forwarded-For);
// the "direct" one trusts none, as a server without a proxy in front.
const appEnv: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  DATABASE_URL: state.databaseUrl,
  DATABASE_POOL_MAX: "8",
  ...(target.embedded ? { DATABASE_APP_ROLE: "set-local" } : {}),
  NEXTAUTH_SECRET: state.secret,
  NEXTAUTH_URL: state.baseUrl,
  NEXT_TELEMETRY_DISABLED: "1",
  HOSTNAME: "localhost",
  OIDC_ISSUER: idp.issuer,
  OIDC_CLIENT_ID: idp.clientId,
  OIDC_CLIENT_SECRET: idp.clientSecret,
  OIDC_NAME: "Test-IdP",
  // The mail specs run their SMTP server here (e2e/mail.spec.ts); nothing listens otherwise.
  SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT ?? 2545}`,
  MAIL_FROM: "Planregister <planregister@e2e.planregister.no>",
};
const startServer = (serverPort: string, trustedProxies: string): ChildProcess =>
  spawn(process.execPath, ["--import", "tsx", path.join(projectRoot, "scripts/server.ts")], {
    cwd: projectRoot,
    stdio: "inherit",
    env: { ...appEnv, PORT: serverPort, TRUSTED_PROXY_COUNT: trustedProxies },
  });
const direct = startServer(new URL(state.directUrl).port, "0");
const child = startServer(port, "1");

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  await Promise.all([child, direct].map(async (server) => {
    if (server.exitCode !== null) return;
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
  }));
  await idp.close();
  await target.close();
  fs.rmSync(E2E_STATE_FILE, { force: true });
  process.exit(code);
}
process.on("SIGTERM", () => void stop(0));
process.on("SIGINT", () => void stop(0));
child.on("exit", (code) => void stop(code ?? 1));
direct.on("exit", (code) => void stop(code ?? 1));
