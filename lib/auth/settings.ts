// Session settings from the environment (documented in README → Configuration).
const hours = (name: string, fallback: number) => positive(name, fallback) * 3600;
const minutes = (name: string, fallback: number) => positive(name, fallback) * 60;

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not "${raw}".`);
  return value;
}

/** Absolute session lifetime in seconds (SESSION_MAX_AGE_HOURS, default 12 h). */
export const sessionMaxAgeSeconds = () => hours("SESSION_MAX_AGE_HOURS", 12);
/** Idle timeout in seconds (SESSION_IDLE_MINUTES, default 2 h). */
export const sessionIdleSeconds = () => minutes("SESSION_IDLE_MINUTES", 120);

/** Secure, prefixed cookies in production unless AUTH_INSECURE_COOKIES=1 (plain-http deployments only). */
export const secureCookies = () => process.env.NODE_ENV === "production" && process.env.AUTH_INSECURE_COOKIES !== "1";

/** `__Host-` needs Secure, Path=/ and no Domain: exactly our session cookie. */
export const sessionCookieName = () => (secureCookies() ? "__Host-planregister.session" : "planregister.session");

export function authSecret(): string {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret || secret.length < 32) throw new Error("NEXTAUTH_SECRET must be set to at least 32 random characters (openssl rand -base64 32).");
  return secret;
}

/**
 * Brute-force protection (decision 014). Within WINDOW: LIMIT failures for one account from one
 * address lock that pair; ADDRESS_LIMIT failures from one address across accounts lock the
 * address; LIMIT failures for one account across addresses slow it down (growing delay up to
 * MAX_DELAY) for addresses that have not signed in to it successfully within KNOWN_DAYS.
 */
export const SIGN_IN_FAILURE_LIMIT = 10;
export const SIGN_IN_ADDRESS_FAILURE_LIMIT = 30;
export const SIGN_IN_WINDOW_MINUTES = 15;
export const SIGN_IN_MAX_DELAY_SECONDS = 60;
export const SIGN_IN_KNOWN_ADDRESS_DAYS = 30;

/** Sign-in posts per client address per minute, counted at the HTTP edge before any hashing. */
export const signInRatePerMinute = () => positive("SIGN_IN_RATE_LIMIT", 60);
