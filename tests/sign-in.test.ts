import { describe, expect, it } from "vitest";
import { db } from "../lib/db";
import { accountDelaySeconds, attemptPasswordSignIn } from "../lib/auth/sign-in";
import { resolveSession } from "../lib/auth/session";
import { SIGN_IN_ADDRESS_FAILURE_LIMIT, SIGN_IN_FAILURE_LIMIT } from "../lib/auth/settings";
import { createUser, TEST_PASSWORD } from "./support/users";
import { unique } from "./support/factories";

const ip = () => `198.51.100.${Math.floor(Math.random() * 250)}-${unique("ip").slice(-8)}`;

describe("password sign-in", () => {
  it("the right password starts a session that resolves to the user", async () => {
    const user = await createUser("editor");
    const outcome = await attemptPasswordSignIn(user.email.toUpperCase(), TEST_PASSWORD, ip());
    expect(outcome.status).toBe("ok");
    if (outcome.status !== "ok") return;
    expect(await resolveSession(outcome.token)).toMatchObject({ id: user.id, role: "editor" });
    const audit = await db.auditEvent.findFirst({ where: { type: "auth.sign_in_succeeded", actorId: user.id } });
    expect(audit?.after).toMatchObject({ email: user.email, method: "password" });
  });

  it("a wrong password, an unknown e-mail, a user without password and a deactivated user all get the same answer", async () => {
    const user = await createUser();
    const noPassword = await createUser("viewer", { withPassword: false });
    const inactive = await createUser("viewer", { active: false });
    const outcomes = [
      await attemptPasswordSignIn(user.email, "wrong password!", ip()),
      await attemptPasswordSignIn(`nobody-${user.email}`, TEST_PASSWORD, ip()),
      await attemptPasswordSignIn(noPassword.email, TEST_PASSWORD, ip()),
      await attemptPasswordSignIn(inactive.email, TEST_PASSWORD, ip()),
    ];
    expect(outcomes).toEqual(Array(4).fill({ status: "invalid" }));
    expect(await db.auditEvent.count({ where: { type: "auth.sign_in_failed", after: { path: ["email"], equals: user.email } } })).toBe(1);
  });

  it(`after ${SIGN_IN_FAILURE_LIMIT} failures from one address that address is refused for the account even with the right password`, async () => {
    const user = await createUser();
    const attacker = ip();
    for (let i = 0; i < SIGN_IN_FAILURE_LIMIT; i++) {
      expect((await attemptPasswordSignIn(user.email, `wrong ${i}`, attacker)).status).toBe("invalid");
    }
    expect((await attemptPasswordSignIn(user.email, TEST_PASSWORD, attacker)).status).toBe("locked");
    expect(await db.auditEvent.count({ where: { type: "auth.sign_in_locked", actorId: user.id } })).toBe(1);

    // The lock lifts when the failures fall out of the 15-minute window.
    await db.signInAttempt.updateMany({ where: { email: user.email }, data: { at: new Date(Date.now() - 16 * 60_000) } });
    expect((await attemptPasswordSignIn(user.email, TEST_PASSWORD, attacker)).status).toBe("ok");
  });

  it("attempts refused while locked do not extend the lock", async () => {
    const user = await createUser();
    const attacker = ip();
    const start = new Date();
    const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
    for (let i = 0; i < SIGN_IN_FAILURE_LIMIT; i++) await attemptPasswordSignIn(user.email, `wrong ${i}`, attacker, at(0));
    for (let minute = 1; minute <= 14; minute++) expect((await attemptPasswordSignIn(user.email, "still wrong", attacker, at(minute))).status).toBe("locked");
    expect((await attemptPasswordSignIn(user.email, TEST_PASSWORD, attacker, at(15.1))).status).toBe("ok");
  });

  it("the owner signs in from another address while an attacker hammers the account", async () => {
    const user = await createUser();
    const home = ip();
    expect((await attemptPasswordSignIn(user.email, TEST_PASSWORD, home)).status).toBe("ok");
    const start = new Date();
    const attackers = [ip(), ip(), ip()];
    // Three addresses, ten guesses each, then the right password: every one of them is refused.
    for (const attacker of attackers) for (let i = 0; i < SIGN_IN_FAILURE_LIMIT; i++) await attemptPasswordSignIn(user.email, `guess ${i}`, attacker, start);
    for (const attacker of attackers) expect(["locked", "throttled"]).toContain((await attemptPasswordSignIn(user.email, TEST_PASSWORD, attacker, start)).status);
    const counted = await db.signInAttempt.count({ where: { email: user.email, succeeded: false } });
    expect(counted).toBe(SIGN_IN_FAILURE_LIMIT);
    // From the address the owner used before: in at once.
    expect((await attemptPasswordSignIn(user.email, TEST_PASSWORD, home, start)).status).toBe("ok");
    // From a new address: slowed, told how long to wait, and in after waiting.
    const travelling = ip();
    const slowed = await attemptPasswordSignIn(user.email, TEST_PASSWORD, travelling, start);
    expect(slowed).toEqual({ status: "throttled", retryAfterSeconds: accountDelaySeconds(counted) });
    expect(accountDelaySeconds(counted + 100)).toBe(60);
    const later = new Date(start.getTime() + accountDelaySeconds(counted) * 1000 + 1);
    expect((await attemptPasswordSignIn(user.email, TEST_PASSWORD, travelling, later)).status).toBe("ok");
  });

  it(`one client address is locked after ${SIGN_IN_ADDRESS_FAILURE_LIMIT} failures across accounts`, async () => {
    const address = ip();
    for (let i = 0; i < SIGN_IN_ADDRESS_FAILURE_LIMIT; i++) await attemptPasswordSignIn(`${unique("x").replace(" ", "")}@example.org`, "nope", address);
    const user = await createUser();
    expect((await attemptPasswordSignIn(user.email, TEST_PASSWORD, address)).status).toBe("locked");
    expect((await attemptPasswordSignIn(user.email, TEST_PASSWORD, ip())).status).toBe("ok");
  });

  it("keeps only the failures inside the window and recent successes", async () => {
    const user = await createUser();
    const address = ip();
    const old = new Date(Date.now() - 20 * 60_000);
    await db.signInAttempt.createMany({ data: [{ email: user.email, ip: address, succeeded: false, at: old }, { email: user.email, ip: address, succeeded: true, at: old }] });
    await attemptPasswordSignIn(user.email, "wrong again", address);
    const left = await db.signInAttempt.findMany({ where: { email: user.email }, select: { succeeded: true, at: true } });
    expect(left.map((r) => r.succeeded).sort()).toEqual([false, true]);
    expect(left.find((r) => !r.succeeded)!.at.getTime()).toBeGreaterThan(old.getTime());
  });

  it("parallel attempts cannot slip past the limits", async () => {
    const user = await createUser();
    const now = new Date();
    const fromOne = ip();
    const one = await Promise.all(Array.from({ length: 25 }, (_, i) => attemptPasswordSignIn(user.email, `wrong ${i}`, fromOne, now)));
    expect(one.filter((r) => r.status === "invalid")).toHaveLength(SIGN_IN_FAILURE_LIMIT);
    expect(one.filter((r) => r.status === "locked")).toHaveLength(25 - SIGN_IN_FAILURE_LIMIT);
    // From many addresses at once: the account's delay lets none of them through.
    const many = await Promise.all(Array.from({ length: 15 }, (_, i) => attemptPasswordSignIn(user.email, `wrong ${i}`, ip(), now)));
    expect(many.every((r) => r.status === "throttled")).toBe(true);
  });
});
