// The client's address for brute-force counting. Next.js fills X-Forwarded-For with the socket
// address when the request has none; behind reverse proxies each appends the address it saw, so
// with TRUSTED_PROXY_COUNT=N the client is the N-th entry from the right. Without a proxy a client
// could send its own header: the per-account limit still holds then.

/** The client address from an X-Forwarded-For value. */
export function clientAddress(forwardedFor: string | null, trustedProxies = Number(process.env.TRUSTED_PROXY_COUNT ?? 0)): string {
  const hops = (forwardedFor ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  if (hops.length === 0) return "unknown";
  const fromRight = Math.max(1, Number.isInteger(trustedProxies) ? trustedProxies : 0);
  return (hops[Math.max(0, hops.length - fromRight)] ?? "unknown").slice(0, 100);
}
