import { describe, expect, it } from "vitest";
import { db } from "../lib/db";
import { attemptPasswordSignIn } from "../lib/auth/sign-in";
import { resolveSession } from "../lib/auth/session";
import { SIGN_IN_FAILURE_LIMIT } from "../lib/auth/settings";
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

  it(`after ${SIGN_IN_FAILURE_LIMIT} failures for one account the next attempt is refused even with the right password`, async () => {
    const user = await createUser();
    for (let i = 0; i < SIGN_IN_FAILURE_LIMIT; i++) {
      expect((await attemptPasswordSignIn(user.email, `wrong ${i}`, ip())).status).toBe("invalid");
    }
    expect((await attemptPasswordSignIn(user.email, TEST_PASSWORD, ip())).status).toBe("locked");
    expect(await db.auditEvent.count({ where: { type: "auth.sign_in_locked", actorId: user.id } })).toBe(1);

    // The lock lifts when the failures fall out of the 15-minute window.
    await db.signInAttempt.updateMany({ where: { email: user.email }, data: { at: new Date(Date.now() - 16 * 60_000) } });
    expect((await attemptPasswordSignIn(user.email, TEST_PASSWORD, ip())).status).toBe("ok");
  });

  it("one client address is locked after too many failures across accounts", async () => {
    const address = ip();
    for (let i = 0; i < SIGN_IN_FAILURE_LIMIT; i++) await attemptPasswordSignIn(`${unique("x").replace(" ", "")}@example.org`, "nope", address);
    const user = await createUser();
    expect((await attemptPasswordSignIn(user.email, TEST_PASSWORD, address)).status).toBe("locked");
    expect((await attemptPasswordSignIn(user.email, TEST_PASSWORD, ip())).status).toBe("ok");
  });

  it("parallel attempts cannot slip past the limit", async () => {
    const user = await createUser();
    const results = await Promise.all(Array.from({ length: 25 }, (_, i) => attemptPasswordSignIn(user.email, `wrong ${i}`, ip())));
    expect(results.filter((r) => r.status === "invalid")).toHaveLength(SIGN_IN_FAILURE_LIMIT);
    expect(results.filter((r) => r.status === "locked")).toHaveLength(25 - SIGN_IN_FAILURE_LIMIT);
  });
});
