// The Content-Security-Policy; the other security headers are in next.config.js. Pages carry a
// per-request nonce (set by proxy.ts) that Next.js puts on its own scripts, so scripts need no
// 'unsafe-inline'. Responses that do not pass proxy.ts (static files, redirects, 404s of
// excluded paths) get the same policy without a nonce from the HTTP edge (scripts/server.ts).
// Styles allow inline (React style attributes).

function policy(scriptSrc: string): string {
  return [
    "default-src 'self'",
    scriptSrc,
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

/** The Content-Security-Policy for a page response. */
export function contentSecurityPolicy(nonce: string, dev = process.env.NODE_ENV === "development"): string {
  return policy(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`);
}

/** The policy for everything else: scripts only from this origin. */
export function contentSecurityPolicyWithoutNonce(dev = process.env.NODE_ENV === "development"): string {
  return policy(`script-src 'self'${dev ? " 'unsafe-eval'" : ""}`);
}

/**
 * The policy for an innsyn page served from the edge's page cache (lib/http/page-cache.ts): the
 * same bytes go to every reader, so its inline scripts are allowed by their hashes instead of a
 * nonce, and its script files by 'self' ('strict-dynamic' would ignore 'self').
 */
export function contentSecurityPolicyWithHashes(hashes: string[]): string {
  return policy(["script-src 'self'", ...hashes].join(" "));
}
