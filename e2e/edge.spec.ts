// The HTTP edge against clients that do not write requests as browsers do (issue 22): raw request
// targets (node's http client sends the path as given; fetch and Playwright resolve "..") and
// cookie headers that parsers may read differently. On the production build.
import http from "node:http";
import { expect, test } from "@playwright/test";
import { createE2eUser, sessionCookieFor, SESSION_COOKIE } from "./support/db";

const PAGE_CACHE = "x-planregister-page-cache";
type RawAnswer = { status: number; headers: http.IncomingHttpHeaders; body: string };
const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** A GET with the request target exactly as given. */
function rawGet(baseURL: string, target: string, cookie?: string): Promise<RawAnswer> {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const request = http.get({ host: hostname, port, path: target, headers: cookie ? { cookie } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    request.on("error", reject);
  });
}

test("a signed-in page asked for by a path with dot segments is never kept for others", async ({ baseURL }) => {
  const admin = await createE2eUser("admin");
  const cookie = `${SESSION_COOKIE}=${await sessionCookieFor(admin)}`;
  for (const target of ["/innsyn/../admin/users", "/innsyn/%2e%2e/account", "/innsyn/.%2e/admin/settings", "/innsyn/plans/../../admin/mail", "/innsyn/%2E%2E/admin/users"]) {
    const url = `${target}?x=${stamp()}`;
    const signedIn = await rawGet(baseURL!, url, cookie);
    expect(signedIn.status, target).toBe(400);
    expect(signedIn.body).toContain("ble avvist");
    const anonymous = await rawGet(baseURL!, url);
    expect(anonymous.headers[PAGE_CACHE], target).toBeUndefined();
    expect(anonymous.body).not.toContain(admin.email);
    expect(anonymous.body).not.toContain("Logg ut");
  }
  // The resolved path itself still works.
  expect((await rawGet(baseURL!, "/admin/users", cookie)).body).toContain(admin.email);
});

test("an answer to a request with a session cookie is neither served from the page cache nor kept", async ({ baseURL }) => {
  const viewer = await createE2eUser("viewer");
  const session = await sessionCookieFor(viewer);
  for (const name of [SESSION_COOKIE, "planregister.session", "__Secure-next-auth.session-token", "next-auth.session-token.0"]) {
    const url = `/innsyn?q=${stamp()}`;
    const signedIn = await rawGet(baseURL!, url, `NEXT_LOCALE=nb; ${name}=${session}`);
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers[PAGE_CACHE], name).toBeUndefined();
    expect((await rawGet(baseURL!, url)).headers[PAGE_CACHE], name).toBe("miss");
    // A page kept before is not handed to a signed-in reader either.
    expect((await rawGet(baseURL!, url, `${name}=${session}`)).headers[PAGE_CACHE], name).toBeUndefined();
    expect((await rawGet(baseURL!, url)).headers[PAGE_CACHE], name).toBe("hit");
  }
});

test("a language cookie written twice or percent-encoded never puts an English page under the bokmål key", async ({ baseURL }) => {
  for (const cookie of ["NEXT_LOCALE=nb; NEXT_LOCALE=en", "NEXT_LOCALE=%65n", "NEXT_LOCALE=nb;NEXT_LOCALE=en", "a=1; NEXT_LOCALE=nb; NEXT_LOCALE=%65%6e"]) {
    const url = `/innsyn/schedule?x=${stamp()}`;
    const poisoned = await rawGet(baseURL!, url, cookie);
    // Rendered in the language Next.js reads (the last, decoded), and not kept.
    expect(poisoned.body, cookie).toContain('<html lang="en"');
    expect(poisoned.headers[PAGE_CACHE], cookie).not.toBe("miss");
    for (const plain of [undefined, "NEXT_LOCALE=nb"]) {
      const reader = await rawGet(baseURL!, url, plain);
      expect(reader.body, `${cookie} then ${plain}`).toContain('<html lang="nb"');
    }
  }
  // A clear cookie is still cached per language.
  const url = `/innsyn/schedule?x=${stamp()}`;
  await rawGet(baseURL!, url, "NEXT_LOCALE=en");
  const again = await rawGet(baseURL!, url, "NEXT_LOCALE=en");
  expect(again.headers[PAGE_CACHE]).toBe("hit");
  expect(again.body).toContain('<html lang="en"');
});
