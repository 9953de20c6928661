// Where to go after sign-in: only a path on this site, never an open redirect.

const BASE = "http://planregister.invalid";

/**
 * `next` if it resolves to a path on this origin, else "/". Control characters and backslashes
 * are refused first: browsers drop tabs and newlines from URLs and read "\" as "/", which turns
 * "/\t/evil.example" or "/\\evil.example" into another host.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(next)) return "/";
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return "/";
  }
  return url.origin === BASE ? `${url.pathname}${url.search}${url.hash}` : "/";
}
