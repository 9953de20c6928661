// The app's public address, for links that leave the browser (calendar feeds, e-mails).
// NEXTAUTH_URL is the configured one (npm start and the e2e server set it); without it the
// request's own host is the best guess.

/** "https://planer.kommune.no", without a trailing slash. */
export function appBaseUrl(headers: Headers): string {
  const configured = process.env.NEXTAUTH_URL?.trim();
  if (configured) return configured.replace(/\/+$/, "");
  const first = (name: string) => headers.get(name)?.split(",")[0]?.trim() || undefined;
  const host = first("x-forwarded-host") ?? first("host") ?? "localhost";
  const proto = first("x-forwarded-proto") ?? "http";
  return `${proto}://${host}`;
}
