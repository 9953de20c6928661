// The Content-Security-Policy (other security headers: next.config.js). The CSP carries a per-request nonce (set by proxy.ts), which Next.js puts on
// its own scripts: no 'unsafe-inline' for scripts. Styles allow inline (style attributes).

/** The Content-Security-Policy for a page response. */
export function contentSecurityPolicy(nonce: string, dev = process.env.NODE_ENV === "development"): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
