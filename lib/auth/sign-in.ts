// Password sign-in with brute-force protection. Counters live in PostgreSQL (sign_in_attempts),
// serialised per account and per address with advisory locks, so the limit holds however many
// app instances run and however many attempts arrive at once.
import "server-only";
import { db } from "../db";
import { recordAudit } from "../audit";
import { hashPassword, verifyPassword } from "./password";
import { issueSession } from "./session";
import { SIGN_IN_FAILURE_LIMIT, SIGN_IN_WINDOW_MINUTES } from "./settings";

export type SignInOutcome =
  | { status: "ok"; token: string; expiresAt: Date; userId: number }
  | { status: "invalid" }
  | { status: "locked" };

// Verified when the account does not exist, so both answers take as long.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hashPassword("planregister-dummy-password"));

/** Checks e-mail and password, counts the attempt and, if it succeeds, starts a session. */
export async function attemptPasswordSignIn(rawEmail: string, password: string, ip: string): Promise<SignInOutcome> {
  const email = rawEmail.trim().toLowerCase();
  const fallbackHash = await getDummyHash();
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('signin-email'), hashtext(${email}))`;
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('signin-ip'), hashtext(${ip}))`;
      const since = new Date(Date.now() - SIGN_IN_WINDOW_MINUTES * 60_000);
      const failures = await tx.signInAttempt.count({
        where: { succeeded: false, at: { gte: since }, OR: [{ email }, { ip }] },
      });
      const user = await tx.user.findUnique({ where: { email } });
      if (failures >= SIGN_IN_FAILURE_LIMIT) {
        await tx.signInAttempt.create({ data: { email, ip, succeeded: false } });
        await recordAudit(tx, { type: "auth.sign_in_locked", actorId: user?.id ?? null, email, ip, method: "password" });
        return { status: "locked" } as const;
      }
      const hashOk = await verifyPassword(user?.passwordHash ?? fallbackHash, password);
      const ok = Boolean(user && user.active && user.passwordHash && hashOk);
      await tx.signInAttempt.create({ data: { email, ip, succeeded: ok } });
      await recordAudit(tx, { type: ok ? "auth.sign_in_succeeded" : "auth.sign_in_failed", actorId: user?.id ?? null, email, ip, method: "password" });
      if (!ok || !user) return { status: "invalid" } as const;
      await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
      const session = await issueSession(user, "password", tx);
      return { status: "ok", token: session.token, expiresAt: session.expiresAt, userId: user.id } as const;
    },
    { timeout: 30_000, maxWait: 30_000 },
  );
}
