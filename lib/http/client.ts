// Who is asking, as far as the server can know: the TCP peer, or — behind TRUSTED_PROXY_COUNT
// reverse proxies that each append the address they saw to X-Forwarded-For — the N-th entry from
// the right. Anything further left was written by the client and is never trusted. The HTTP edge
// (scripts/server.ts) computes both and passes them to the app on the headers below, after
// deleting any copy the client sent (decision 015).

/** Request headers set by the HTTP edge; never taken from the client. */
export const CLIENT_ADDRESS_HEADER = "x-planregister-client-address";
export const CLIENT_PROTOCOL_HEADER = "x-planregister-client-protocol";

/** TRUSTED_PROXY_COUNT as a number (0 when unset or not a whole number ≥ 0). */
export function trustedProxyCount(raw = process.env.TRUSTED_PROXY_COUNT): number {
  const n = Number(raw ?? 0);
  return Number.isInteger(n) && n >= 0 && n <= 10 ? n : 0;
}

/** The comma-separated values of a forwarding header, in order. */
export function hops(header: string | string[] | undefined): string[] {
  const value = Array.isArray(header) ? header.join(",") : (header ?? "");
  return value.split(",").map((s) => s.trim()).filter(Boolean);
}

// IPv4-mapped IPv6 ("::ffff:127.0.0.1") reads as the IPv4 address; anything odd is cut short.
const clean = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "").replace(/[^0-9A-Za-z.:%_-]/g, "").slice(0, 64) || "unknown";

/** The client's address from the socket peer and X-Forwarded-For, trusting `proxies` hops. */
export function clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, proxies: number): string {
  if (proxies === 0) return clean(peer ?? "");
  const list = hops(forwardedFor);
  // Fewer entries than proxies: the nearest proxy did not append, so only the peer is known.
  if (list.length === 0) return clean(peer ?? "");
  return clean(list[Math.max(0, list.length - proxies)]!);
}

/** "https" or "http" as the client used it: the socket, or the nearest trusted proxy's X-Forwarded-Proto. */
export function clientProtocol(encrypted: boolean, forwardedProto: string | string[] | undefined, proxies: number): "https" | "http" {
  if (encrypted) return "https";
  if (proxies === 0) return "http";
  const last = hops(forwardedProto).at(-1)?.toLowerCase();
  return last === "https" ? "https" : "http";
}
