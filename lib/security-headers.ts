// The Content-Security-Policy; the other security headers are in next.config.js. It carries a
// per-request nonce (set by proxy.ts) that Next.js puts on its own scripts, so scripts need no
// 'unsafe-inline'. Styles allow inline (React style attributes).

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
