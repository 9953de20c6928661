// Rate limits and lock-outs are counted per municipality (decision 044, tested here for issue 19):
// an address hammering one municipality's sign-in, or locking out an e-mail there, leaves the same
// address and the same e-mail free in another. A database of its own with two tenants.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { withTenant } from "../lib/tenant-context";
import { hashPassword } from "../lib/auth/password";
import { SIGN_IN_FAILURE_LIMIT } from "../lib/auth/settings";
import { addMunicipality, closeTenantLibDb, type TenantLibDb } from "./support/tenant-lib-db";

const holder = vi.hoisted(() => ({}) as TenantLibDb);

vi.mock("../lib/db", async () => (await import("./support/tenant-lib-db")).tenantLibDb(holder, "planregister_tenant_limits"));

const { attemptPasswordSignIn, signInRateWait } = await import("../lib/auth/sign-in");

const A = 1;
let b: number;
const EMAIL = "radgiver@iks.test";
const PASSWORD = "Riktig-Passord-Fjell-42";

beforeAll(async () => {
  b = await addMunicipality(holder.t!);
  const passwordHash = await hashPassword(PASSWORD);
  // One adviser with an account (the same address) in both municipalities.
  for (const tenant of [A, b]) await withTenant(tenant, () => holder.db!.user.create({ data: { email: EMAIL, name: "Rådgiver", role: "editor", passwordHash } }));
});

afterAll(() => closeTenantLibDb(holder));

describe("limits per municipality", () => {
  it("an e-mail locked out in one municipality signs in at once in the other, from the same address", async () => {
    const ip = "203.0.113.7";
    for (let i = 0; i < SIGN_IN_FAILURE_LIMIT; i++) expect((await withTenant(A, () => attemptPasswordSignIn(EMAIL, "feil", ip))).status).toBe("invalid");
    // A: locked, even with the right password.
    expect((await withTenant(A, () => attemptPasswordSignIn(EMAIL, PASSWORD, ip))).status).toBe("locked");
    // B: the same e-mail and address are not.
    const inB = await withTenant(b, () => attemptPasswordSignIn(EMAIL, PASSWORD, ip));
    expect(inB.status).toBe("ok");
    // The session is B's user's, in B.
    const owner = holder.t!.owner;
    const session = await owner.query<{ tenant_id: number; user_tenant: number }>(
      `SELECT s.tenant_id, u.tenant_id AS user_tenant FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.id = $1`, [inB.status === "ok" ? inB.userId : 0]);
    expect(session.rows[0]).toEqual({ tenant_id: b, user_tenant: b });
    // The counters sit in A's rows only.
    const attempts = await owner.query<{ tenant_id: number; failures: string }>(`SELECT tenant_id, count(*) FILTER (WHERE NOT succeeded)::text AS failures FROM sign_in_attempts GROUP BY tenant_id ORDER BY tenant_id`);
    expect(attempts.rows).toEqual([{ tenant_id: A, failures: String(SIGN_IN_FAILURE_LIMIT) }, { tenant_id: b, failures: "0" }]);
  });

  it("an address over the sign-in rate in one municipality is not slowed in the other", async () => {
    const saved = process.env.SIGN_IN_RATE_LIMIT;
    process.env.SIGN_IN_RATE_LIMIT = "3";
    try {
      const ip = "198.51.100.9";
      const waits: number[] = [];
      for (let i = 0; i < 4; i++) waits.push(await withTenant(A, () => signInRateWait(ip)));
      expect(waits.slice(0, 3)).toEqual([0, 0, 0]);
      expect(waits[3]).toBeGreaterThan(0);
      expect(await withTenant(b, () => signInRateWait(ip))).toBe(0);
    } finally {
      if (saved === undefined) delete process.env.SIGN_IN_RATE_LIMIT;
      else process.env.SIGN_IN_RATE_LIMIT = saved;
    }
  });
});
