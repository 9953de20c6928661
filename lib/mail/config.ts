// Mail settings from the environment (README, Configuration). Read on use, so tests and the
// worker can set them before the first mail.

function whole(name: string, fallback: number, min = 0): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be a whole number ≥ ${min}, not "${raw}".`);
  return value;
}

export type MailConfig = {
  /** smtp://, smtps:// (TLS from the start) or smtp://…?secure=false; null: store, do not send. */
  smtpUrl: string | null;
  from: string;
  /** Attempts after the first, and the first back-off in seconds (doubling each time). */
  retryLimit: number;
  retryDelaySeconds: number;
  /** How long one send may hold a mail before another worker may take it over (a crashed worker's). */
  leaseSeconds: number;
};

/** SMTP_URL, MAIL_FROM, MAIL_RETRY_LIMIT (8), MAIL_RETRY_DELAY_SECONDS (60), MAIL_LEASE_SECONDS (300). */
export function mailConfig(): MailConfig {
  const smtpUrl = process.env.SMTP_URL?.trim() || null;
  return {
    smtpUrl,
    from: process.env.MAIL_FROM?.trim() || "Planregister <planregister@localhost>",
    retryLimit: whole("MAIL_RETRY_LIMIT", 8),
    retryDelaySeconds: whole("MAIL_RETRY_DELAY_SECONDS", 60, 1),
    leaseSeconds: whole("MAIL_LEASE_SECONDS", 300, 3),
  };
}
