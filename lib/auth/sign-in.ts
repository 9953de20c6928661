// Password sign-in with brute-force protection that an attacker cannot turn into a lock-out of
// the account's owner (decision 014). Counters live in PostgreSQL (sign_in_attempts), serialised
// per account and per address with advisory locks, so the rules hold however many app instances
// run and however many attempts arrive at once. Refused attempts are audited but not counted,
// so hammering a locked account does not extend its lock.
import "server-only";
import { db } from "../db";
import { recordAudit } from "../audit";
import { hitRateLimit, queryRunner } from "../rate-limit";
import { hashPassword, verifyPassword } from "./password";
import { issueSession } from "./session";
import {
  SIGN_IN_ADDRESS_FAILURE_LIMIT, SIGN_IN_FAILURE_LIMIT, SIGN_IN_KNOWN_ADDRESS_DAYS, SIGN_IN_MAX_DELAY_SECONDS, SIGN_IN_WINDOW_MINUTES, signInRatePerMinute,
} from "./settings";

export type SignInOutcome =
  | { status: "ok"; token: string; expiresAt: Date; userId: number }
  | { status: "invalid" }
  | { status: "locked" }
  | { status: "throttled"; retryAfterSeconds: number };

// Verified when the account does not exist, so both answers take as long.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hashPassword("planregister-dummy-password"));

/** Seconds an unknown address must wait after the account's last failure, given its failure count. */
export function accountDelaySeconds(failures: number): number {
  if (failures < SIGN_IN_FAILURE_LIMIT) return 0;
  return Math.min(2 ** (failures - SIGN_IN_FAILURE_LIMIT), SIGN_IN_MAX_DELAY_SECONDS);
}

/**
 * Counts a sign-in attempt from the address (SIGN_IN_RATE_LIMIT a minute, in PostgreSQL, so over
 * all instances) and gives the seconds to wait when it is over the limit, or 0. Counted in the
 * action, not at a path: Next.js runs a server action posted to any page (decision 039).
 */
export async function signInRateWait(ip: string): Promise<number> {
  try {
    const result = await hitRateLimit(queryRunner(db), `signin:${ip}`, signInRatePerMinute(), 60);
    return result.allowed ? 0 : result.retryAfterSeconds;
  } catch {
    // The database does not answer: the sign-in itself says so.
    return 0;
  }
}

/** Checks e-mail and password, counts the attempt and, if it succeeds, starts a session. */
export async function attemptPasswordSignIn(rawEmail: string, password: string, ip: string, now = new Date()): Promise<SignInOutcome> {
  const email = rawEmail.trim().toLowerCase();
  const fallbackHash = await getDummyHash();
  const outcome = await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('signin-email'), hashtext(${email}))`;
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('signin-ip'), hashtext(${ip}))`;
      const since = new Date(now.getTime() - SIGN_IN_WINDOW_MINUTES * 60_000);
      const failed = { succeeded: false, at: { gte: since } };
      // One at a time: these run on the transaction's single connection.
      const pairFailures = await tx.signInAttempt.count({ where: { ...failed, email, ip } });
      const addressFailures = await tx.signInAttempt.count({ where: { ...failed, ip } });
      const user = await tx.user.findFirst({ where: { email } });
      const refuse = async (reason: "pair" | "address" | "account") => {
        await recordAudit(tx, { type: "auth.sign_in_locked", actorId: user?.id ?? null, email, ip, method: "password", reason });
      };
      if (pairFailures >= SIGN_IN_FAILURE_LIMIT || addressFailures >= SIGN_IN_ADDRESS_FAILURE_LIMIT) {
        await refuse(pairFailures >= SIGN_IN_FAILURE_LIMIT ? "pair" : "address");
        return { status: "locked" } as const;
      }
      const accountFailures = await tx.signInAttempt.findMany({ where: { ...failed, email }, select: { at: true }, orderBy: { at: "desc" } });
      const delay = accountDelaySeconds(accountFailures.length);
      if (delay > 0) {
        const knownSince = new Date(now.getTime() - SIGN_IN_KNOWN_ADDRESS_DAYS * 86_400_000);
        const known = await tx.signInAttempt.count({ where: { email, ip, succeeded: true, at: { gte: knownSince } } });
        const waited = (now.getTime() - accountFailures[0]!.at.getTime()) / 1000;
        if (!known && waited < delay) {
          await refuse("account");
          return { status: "throttled", retryAfterSeconds: Math.ceil(delay - waited) } as const;
        }
      }
      const hashOk = await verifyPassword(user?.passwordHash ?? fallbackHash, password);
      const ok = Boolean(user && user.active && user.passwordHash && hashOk);
      await tx.signInAttempt.create({ data: { email, ip, succeeded: ok, at: now } });
      await recordAudit(tx, { type: ok ? "auth.sign_in_succeeded" : "auth.sign_in_failed", actorId: user?.id ?? null, email, ip, method: "password" });
      if (!ok || !user) return { status: "invalid" } as const;
      await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
      const session = await issueSession(user, "password", tx);
      return { status: "ok", token: session.token, expiresAt: session.expiresAt, userId: user.id } as const;
    },
    { timeout: 30_000, maxWait: 30_000 },
  );
  await purgeSignInAttempts(now);
  return outcome;
}

/**
 * Keeps only what the rules read: failures within the window, successes for the known-address
 * check. Every attempt is in the audit log as well. Outside the transaction: a failed purge
 * costs nothing but space and is retried by the next attempt.
 */
export async function purgeSignInAttempts(now = new Date()): Promise<void> {
  const failuresBefore = new Date(now.getTime() - SIGN_IN_WINDOW_MINUTES * 60_000);
  const successesBefore = new Date(now.getTime() - SIGN_IN_KNOWN_ADDRESS_DAYS * 86_400_000);
  await db.signInAttempt
    .deleteMany({ where: { OR: [{ succeeded: false, at: { lt: failuresBefore } }, { at: { lt: successesBefore } }] } })
    .catch((error: unknown) => console.error("Purging sign_in_attempts failed:", error));
}
