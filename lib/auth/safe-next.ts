// Where to go after sign-in: only a path on this site, never an open redirect. The one helper
// for every redirect target taken from a request (the sign-in action and the login page).

const BASE = "http://planregister.invalid";
// A path a browser cannot read as another host: one "/" and then not "/" or "\".
const SAME_ORIGIN_PATH = /^\/(?![/\\])/;
const UNSAFE = /[\u0000-\u001f\u007f\\]/;

/**
 * `next` if it resolves to a path on this origin, else "/". Control characters and backslashes
 * are refused first (browsers drop tabs and newlines and read "\" as "/"); then the URL is
 * normalised, and the normalised path is checked again, since "/..//evil.example" normalises
 * to "//evil.example", which a browser follows to another host.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || !SAME_ORIGIN_PATH.test(next) || UNSAFE.test(next)) return "/";
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  return SAME_ORIGIN_PATH.test(path) && !UNSAFE.test(path) ? path : "/";
}
