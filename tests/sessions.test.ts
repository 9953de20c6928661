import { describe, expect, it } from "vitest";
import { db } from "../lib/db";
import { readSessionToken, resolveSession } from "../lib/auth/session";
import { changeRole, setActive } from "../lib/users/mutations";
import { signedIn } from "./support/users";

describe("sessions", () => {
  it("a garbage or foreign cookie resolves to nobody", async () => {
    expect(await resolveSession(undefined)).toBeNull();
    expect(await resolveSession("not-a-jwt")).toBeNull();
    expect(await readSessionToken("eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..x.y.z")).toBeNull();
  });

  it("deactivation ends the session at its next request", async () => {
    const admin = await signedIn("admin");
    const { user, token } = await signedIn("editor");
    expect(await resolveSession(token)).not.toBeNull();
    await setActive(admin.user.id, user.id, false);
    expect(await resolveSession(token)).toBeNull();
  });

  it("a role change ends the session at its next request", async () => {
    const admin = await signedIn("admin");
    const { user, token } = await signedIn("editor");
    await changeRole(admin.user.id, user.id, "viewer");
    expect(await resolveSession(token)).toBeNull();
  });

  it("a session idle longer than the idle timeout, or past its lifetime, is refused", async () => {
    const idle = await signedIn();
    await db.session.update({ where: { id: idle.sessionId }, data: { lastSeenAt: new Date(Date.now() - 122 * 60_000) } });
    expect(await resolveSession(idle.token)).toBeNull();

    const old = await signedIn();
    await db.session.update({ where: { id: old.sessionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await resolveSession(old.token)).toBeNull();
  });

  it("the idle limit never ends a session used within the limit, and ends one left idle past it", async () => {
    const saved = process.env.SESSION_IDLE_MINUTES;
    process.env.SESSION_IDLE_MINUTES = "1";
    try {
      const { token } = await signedIn();
      const start = Date.now();
      // Used every 50 s, then every 5 s, for four minutes: each use is within a minute of the last.
      const uses = [...Array.from({ length: 3 }, (_, i) => (i + 1) * 50), ...Array.from({ length: 18 }, (_, i) => 150 + (i + 1) * 5)];
      for (const second of uses) expect(await resolveSession(token, new Date(start + second * 1000)), `use at ${second} s`).not.toBeNull();
      const last = start + uses.at(-1)! * 1000;
      // Idle for longer than the limit plus the touch interval: ended.
      expect(await resolveSession(token, new Date(last + 67_000))).toBeNull();
    } finally {
      if (saved === undefined) delete process.env.SESSION_IDLE_MINUTES;
      else process.env.SESSION_IDLE_MINUTES = saved;
    }
  });

  it("a signed-out (revoked) session is refused", async () => {
    const { sessionId, token } = await signedIn();
    await db.session.update({ where: { id: sessionId }, data: { revokedAt: new Date() } });
    expect(await resolveSession(token)).toBeNull();
  });

  it("use keeps an active session alive", async () => {
    const { sessionId, token } = await signedIn();
    const past = new Date(Date.now() - 100 * 60_000);
    await db.session.update({ where: { id: sessionId }, data: { lastSeenAt: past } });
    expect(await resolveSession(token)).not.toBeNull();
    const row = await db.session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(row.lastSeenAt.getTime()).toBeGreaterThan(past.getTime());
  });
});
