// SMTP through nodemailer. SMTP_URL says host, port, credentials and TLS: smtps:// is TLS from
// the first byte; smtp:// upgrades with STARTTLS when the server offers it (nodemailer's rule).
import nodemailer from "nodemailer";
import type { MailConfig } from "./config";

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers: Record<string, string>;
};

/** Sends one mail; resolves with the server's answer, rejects with its error. Timeouts bound every wait. */
export async function sendMail(config: MailConfig, mail: OutgoingMail): Promise<string> {
  if (!config.smtpUrl) throw new Error("SMTP_URL is not set.");
  // Every wait ends well inside the lease, so a hung server cannot make two workers send one mail.
  const wait = Math.max(1000, Math.floor((config.leaseSeconds * 1000) / 4));
  const transport = nodemailer.createTransport({ url: config.smtpUrl, connectionTimeout: wait, greetingTimeout: wait, socketTimeout: wait });
  try {
    const info = await transport.sendMail({
      from: config.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      headers: mail.headers,
    });
    return String(info.response ?? "");
  } finally {
    transport.close();
  }
}

/** A short, single-line reason from an SMTP or network error, for the mail log. */
export function smtpErrorText(error: unknown): string {
  const e = error as { response?: string; code?: string; message?: string };
  const text = e.response || [e.code, e.message].filter(Boolean).join(": ") || String(error);
  return text.replace(/\s+/g, " ").slice(0, 500);
}
