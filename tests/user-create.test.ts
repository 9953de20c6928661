// `npm run user:create` with several tenants (issue 19): --tenant names the user's municipality by
// kommunenummer or host name; without it, or with one no tenant has, the command ends with one
// sentence naming the option and exit code 1, as the other commands' errors (cli-errors.test.ts).
// A database of its own: a second tenant would end "exactly one tenant" for other files.
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { urlFromPgConfig } from "../scripts/db/connection";
import { projectRoot } from "../scripts/db/schema-engine";
import { tenantForCommand } from "../scripts/tenants/resolve";
import { tenantDatabase, type TenantDatabase } from "./support/tenant-db";
import { addMunicipality } from "./support/tenant-lib-db";

let t: TenantDatabase;
let b: number;

function userCreate(args: string[]) {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/user-create.ts", ...args], {
    cwd: projectRoot, env: { ...env, DATABASE_URL: urlFromPgConfig(t.config), USER_PASSWORD: "fjellvann-gruvebyen-1644" }, encoding: "utf8", timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout.trim(), stderr: run.stderr.trim() };
}

const usersOf = async (email: string) =>
  (await t.owner.query(`SELECT tenant_id, role::text FROM users WHERE email = $1 ORDER BY tenant_id`, [email])).rows;
const userCount = async () => (await t.owner.query(`SELECT count(*)::int AS n FROM users`)).rows[0].n;

beforeAll(async () => {
  t = await tenantDatabase("planregister_user_create");
  b = await addMunicipality(t);
  await t.owner.query(`INSERT INTO tenant_hosts (host, tenant_id) VALUES ('holtalen.localhost', $1)`, [b]);
});
afterAll(async () => t?.close());

describe("npm run user:create with several tenants", () => {
  it("without --tenant, it names the option in one sentence with exit code 1 and creates no one", async () => {
    const before = await userCount();
    const { status, stderr } = userCreate(["--email", "it@holtalen.kommune.no", "--role", "admin"]);
    expect(status).toBe(1);
    expect(stderr).toBe("✖ This database has 2 tenants: say which one the user belongs to with --tenant <kommunenummer or host name>, e.g. --tenant 0000 (Kommunen).");
    expect(await userCount()).toBe(before);
  });

  it("an unknown kommunenummer or host name is one sentence with exit code 1", async () => {
    const before = await userCount();
    for (const unknown of ["9999", "ukjent.localhost"]) {
      const { status, stderr } = userCreate(["--email", "it@holtalen.kommune.no", "--role", "admin", "--tenant", unknown]);
      expect(status, unknown).toBe(1);
      expect(stderr).toBe(`✖ No tenant has the kommunenummer or host name "${unknown}": give a municipality's 4-digit kommunenummer or one of a tenant's host names with --tenant, e.g. --tenant 0000 (Kommunen).`);
    }
    expect(await userCount()).toBe(before);
  });

  it("--tenant by kommunenummer or host name creates the user in that tenant only, once", async () => {
    const byNumber = userCreate(["--email", "it@holtalen.kommune.no", "--role", "admin", "--tenant", "5026"]);
    expect(byNumber.stderr).toBe("");
    expect(byNumber).toMatchObject({ status: 0, stdout: expect.stringMatching(/^Created admin it@holtalen\.kommune\.no \(id \d+\) in Holtålen kommune\.$/) });
    expect(await usersOf("it@holtalen.kommune.no")).toEqual([{ tenant_id: b, role: "admin" }]);

    const byHost = userCreate(["--email", "redaktor@holtalen.kommune.no", "--role", "editor", "--tenant", "Holtalen.localhost:3000"]);
    expect(byHost.status).toBe(0);
    expect(await usersOf("redaktor@holtalen.kommune.no")).toEqual([{ tenant_id: b, role: "editor" }]);

    const again = userCreate(["--email", "it@holtalen.kommune.no", "--role", "admin", "--tenant", "holtalen.localhost"]);
    expect(again).toMatchObject({ status: 1, stderr: "✖ A user with e-mail it@holtalen.kommune.no already exists in Holtålen kommune." });
    // The same address is another person's account in another municipality.
    expect(userCreate(["--email", "it@holtalen.kommune.no", "--role", "viewer", "--tenant", "0000"]).status).toBe(0);
    expect(await usersOf("it@holtalen.kommune.no")).toEqual([{ tenant_id: 1, role: "viewer" }, { tenant_id: b, role: "admin" }]);
  });

  it("resolves no tenant from an empty, NUL-containing or malformed value", async () => {
    for (const value of ["", " ", "50\u000026", "holtalen.localhost\u0000", "https://holtalen.localhost/", "5026 OR 1=1"]) {
      await expect(tenantForCommand(t.owner, value), JSON.stringify(value)).rejects.toThrow(/^No tenant has the kommunenummer or host name /);
    }
    expect(await tenantForCommand(t.owner, " 5026 ")).toEqual({ id: b, name: "Holtålen kommune" });
  });
});
