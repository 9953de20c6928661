import { describe, expect, it } from "vitest";
import { db } from "../lib/db";
import { changeRole, createUser as adminCreateUser, resetPassword, setActive } from "../lib/users/mutations";
import { findTokenUser, setPasswordWithToken } from "../lib/auth/mutations";
import { attemptPasswordSignIn } from "../lib/auth/sign-in";
import { DomainError } from "../lib/errors";
import { createUser } from "./support/users";
import { unique } from "./support/factories";

const email = () => `${unique("new").replace(" ", "-")}@test.planregister.no`;

async function onlyActiveAdmin() {
  // Make this test's admin the only active one by deactivating the others for the duration.
  const others = await db.user.findMany({ where: { role: "admin", active: true }, select: { id: true } });
  return others.map((o) => o.id);
}

describe("user administration", () => {
  it("an admin creates a user who sets a password once through the link and can then sign in", async () => {
    const admin = await createUser("admin");
    const { user, token } = await adminCreateUser(admin.id, { name: "Kari Planlegger", email: email(), role: "editor" });
    expect(user.passwordHash).toBeNull();
    expect((await findTokenUser(token))?.id).toBe(user.id);
    await setPasswordWithToken(token, "Blåbærsyltetøy-Fjelltur-7");
    expect(await findTokenUser(token)).toBeNull();
    await expect(setPasswordWithToken(token, "Blåbærsyltetøy-Fjelltur-8")).rejects.toThrow(DomainError);
    expect((await attemptPasswordSignIn(user.email, "Blåbærsyltetøy-Fjelltur-7", "203.0.113.9")).status).toBe("ok");
    const audit = await db.auditEvent.findFirst({ where: { type: "user.created", entityId: String(user.id) } });
    expect(audit).toMatchObject({ actorId: admin.id, after: { role: "editor" } });
  });

  it("an e-mail can be used once", async () => {
    const admin = await createUser("admin");
    const address = email();
    await adminCreateUser(admin.id, { name: "A", email: address, role: "viewer" });
    await expect(adminCreateUser(admin.id, { name: "B", email: address, role: "viewer" })).rejects.toMatchObject({ messageKey: "emailTaken", field: "email" });
  });

  it("an expired link does not work", async () => {
    const admin = await createUser("admin");
    const { token, user } = await adminCreateUser(admin.id, { name: "C", email: email(), role: "viewer" });
    await db.passwordToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await findTokenUser(token)).toBeNull();
  });

  it("reset removes the password, ends sessions and writes who did it", async () => {
    const admin = await createUser("admin");
    const user = await createUser("viewer");
    const { token } = await resetPassword(admin.id, user.id);
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.passwordHash).toBeNull();
    expect(after.sessionVersion).toBe(user.sessionVersion + 1);
    expect(await findTokenUser(token)).not.toBeNull();
    expect(await db.auditEvent.findFirst({ where: { type: "user.password_reset", entityId: String(user.id) } })).toMatchObject({ actorId: admin.id });
  });

  it("role changes and (de)activation are audited with before and after", async () => {
    const admin = await createUser("admin");
    const user = await createUser("viewer");
    await changeRole(admin.id, user.id, "editor");
    await setActive(admin.id, user.id, false);
    await setActive(admin.id, user.id, true);
    const events = await db.auditEvent.findMany({ where: { entityType: "user", entityId: String(user.id) }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.type, e.actorId, e.before, e.after])).toEqual([
      ["user.role_changed", admin.id, { role: "viewer" }, { role: "editor" }],
      ["user.deactivated", admin.id, { active: true }, { active: false }],
      ["user.reactivated", admin.id, { active: false }, { active: true }],
    ]);
  });

  it("the last active admin can be neither demoted nor deactivated, even by two admins at once", async () => {
    const a = await createUser("admin");
    const b = await createUser("admin");
    const others = (await onlyActiveAdmin()).filter((id) => id !== a.id && id !== b.id);
    await db.user.updateMany({ where: { id: { in: others } }, data: { active: false } });
    try {
      // Each tries to demote the other at the same moment: one must fail.
      const results = await Promise.allSettled([changeRole(a.id, b.id, "viewer"), changeRole(b.id, a.id, "viewer")]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(await db.user.count({ where: { role: "admin", active: true } })).toBe(1);
      const last = (await db.user.findFirstOrThrow({ where: { role: "admin", active: true } })).id;
      await expect(setActive(last, last, false)).rejects.toMatchObject({ messageKey: "lastAdmin" });
      await expect(changeRole(last, last, "editor")).rejects.toMatchObject({ messageKey: "lastAdmin" });
    } finally {
      await db.user.updateMany({ where: { id: { in: others } }, data: { active: true } });
    }
  });
});
