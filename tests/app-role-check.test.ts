// The start path refuses an app role that row-level security would not hold (decision 045): a
// superuser, BYPASSRLS, a member of either, or a table's owner. The migrations' CREATE ROLE runs
// only when the role is missing, so a role made before with other attributes is caught here. The
// roles of this file are made for it (roles are the server's) and dropped after; the migrations'
// own app role, which other databases on the server share, is never altered.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ROLE, appRoleRefusal } from "../lib/db-role";
import { urlFromPgConfig } from "../scripts/db/connection";
import { createFreshDatabase } from "../scripts/db/fresh";
import { deployMigrations } from "../scripts/db/migrations";
import { assertAppRoleHeld, prepareDatabase } from "../scripts/db/prepare";
import { UserFacingError, type DbTarget } from "../scripts/db/target";

const suffix = randomBytes(3).toString("hex");
const role = (what: string) => `planregister_check_${what}_${suffix}`;
const BYPASS = role("bypass"), SUPER = role("super"), MEMBER = role("member"), OWNER = role("owner");

let target: DbTarget;
let owner: pg.Client;

/** The owner's URL with `user` as DATABASE_APP_URL would name it. */
const appUrl = (user: string) => {
  const url = new URL(urlFromPgConfig(target.config));
  url.username = user;
  return url.toString();
};

beforeAll(async () => {
  target = await createFreshDatabase("planregister_role_check");
  await deployMigrations(target.config, target.shadow);
  owner = new pg.Client(target.config);
  await owner.connect();
  await owner.query(`CREATE ROLE ${BYPASS} LOGIN NOSUPERUSER BYPASSRLS; CREATE ROLE ${SUPER} LOGIN SUPERUSER; CREATE ROLE ${MEMBER} LOGIN NOBYPASSRLS IN ROLE ${BYPASS}; CREATE ROLE ${OWNER} LOGIN NOBYPASSRLS`);
  await owner.query(`CREATE TABLE spare_plans (LIKE plans); ALTER TABLE spare_plans OWNER TO ${OWNER}`);
});

afterAll(async () => {
  if (owner) {
    for (const r of [MEMBER, OWNER, BYPASS, SUPER]) await owner.query(`REASSIGN OWNED BY ${r} TO CURRENT_USER; DROP ROLE IF EXISTS ${r}`).catch(() => {});
    await owner.end();
  }
  await target?.close();
});

describe("the app role's check at start", () => {
  it("passes the role the migrations made", async () => {
    expect(await appRoleRefusal(owner, APP_ROLE)).toBeNull();
    await expect(assertAppRoleHeld(target, {})).resolves.toBeUndefined();
  });

  it("refuses a role with BYPASSRLS, saying what to change", async () => {
    expect(await appRoleRefusal(owner, BYPASS)).toBe(
      `The app role "${BYPASS}" has BYPASSRLS, so row-level security would not hold the app (decision 045): ALTER ROLE "${BYPASS}" NOBYPASSRLS, then start again.`);
  });

  it("refuses a superuser, a member of a BYPASSRLS role and a table's owner; and a role that does not exist", async () => {
    expect(await appRoleRefusal(owner, SUPER)).toMatch(new RegExp(`^The app role "${SUPER}" is a superuser, .*ALTER ROLE "${SUPER}" NOSUPERUSER`));
    expect(await appRoleRefusal(owner, MEMBER)).toMatch(new RegExp(`^The app role "${MEMBER}" is a member of ${BYPASS} \\(superuser or BYPASSRLS\\), .*REVOKE "${BYPASS}" FROM "${MEMBER}"`));
    expect(await appRoleRefusal(owner, OWNER)).toMatch(new RegExp(`^The app role "${OWNER}" owns spare_plans, .*OWNER TO`));
    expect(await appRoleRefusal(owner, role("missing"))).toMatch(/does not exist: run the migrations/);
  });

  it("npm start's preparation refuses a BYPASSRLS app role (DATABASE_APP_URL) before loading any data", async () => {
    // As npm start's own process has them (DATABASE_APP_ROLE=set-local is for its children on the embedded database).
    const saved = { DATABASE_APP_URL: process.env.DATABASE_APP_URL, DATABASE_APP_ROLE: process.env.DATABASE_APP_ROLE };
    process.env.DATABASE_APP_URL = appUrl(BYPASS);
    delete process.env.DATABASE_APP_ROLE;
    try {
      const error = await prepareDatabase(target, { demo: false }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UserFacingError);
      expect((error as Error).message).toMatch(new RegExp(`^The app role "${BYPASS}" has BYPASSRLS`));
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
    expect((await owner.query(`SELECT count(*)::int AS n FROM sdg_goals`)).rows[0].n).toBe(0);
    await expect(assertAppRoleHeld(target, { DATABASE_APP_URL: appUrl(APP_ROLE) })).resolves.toBeUndefined();
  });
});
