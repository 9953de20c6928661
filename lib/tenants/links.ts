// Links to another tenant of this installation: the same scheme and port as the address the
// request came in on (or the command line's guess), with the tenant's host name.

/** `path` on `host`, with the protocol and port of `base` ("http://drift.localhost:3000"). */
export function tenantUrl(base: string, host: string, path: string): string {
  const url = new URL(base);
  url.hostname = host;
  url.pathname = path;
  url.search = "";
  url.hash = "";
  return url.toString();
}

/** The command line's base for a host: http on this machine's names (port PORT or 3000), https elsewhere. */
export function commandLineBase(host: string, env: Record<string, string | undefined> = process.env): string {
  const local = host === "localhost" || host.endsWith(".localhost") || /^\d+\.\d+\.\d+\.\d+$/.test(host);
  return local ? `http://${host}:${env.PORT ?? 3000}` : `https://${host}`;
}
