// Security properties asserted on real responses of the production build.
import { expect, test } from "@playwright/test";
import { builtActions } from "./support/build-manifest";
import { callAction, resultCode } from "./support/actions";
import { createE2eUser, e2eDb, E2E_PASSWORD, sessionCookieFor, SESSION_COOKIE } from "./support/db";

const action = (name: string) => {
  const found = builtActions().find((a) => a.name === name);
  if (!found) throw new Error(`no server action ${name} in the build`);
  return found;
};
const freshIp = () => `192.0.2.${Math.floor(Math.random() * 250) + 1}, 198.51.100.${Math.floor(Math.random() * 250) + 1}-${Date.now() % 100000}`;

test("pages carry a nonce-based CSP and the other security headers", async ({ request }) => {
  const first = await request.get("/login");
  const second = await request.get("/login");
  const headers = first.headers();
  const csp = headers["content-security-policy"]!;
  const directives = Object.fromEntries(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k!, v.join(" ")]));
  const nonce = /'nonce-([^']+)'/.exec(directives["script-src"]!)?.[1];
  expect(nonce).toBeTruthy();
  expect(directives["script-src"]).not.toContain("unsafe-inline");
  expect(directives["object-src"]).toBe("'none'");
  expect(directives["base-uri"]).toBe("'none'");
  expect(directives["frame-ancestors"]).toBe("'none'");
  expect(second.headers()["content-security-policy"]).not.toBe(csp);
  // Next.js puts the request's nonce on its scripts.
  const html = await first.text();
  const scriptNonces = [...html.matchAll(/<script[^>]*nonce="([^"]+)"/g)].map((m) => m[1]);
  expect(scriptNonces.length).toBeGreaterThan(0);
  expect(new Set(scriptNonces)).toEqual(new Set([nonce]));

  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
  expect(headers["x-powered-by"]).toBeUndefined();

  const asset = /\/_next\/static\/[^"]+\.js/.exec(html)![0];
  const assetHeaders = (await request.get(asset)).headers();
  expect(assetHeaders["x-content-type-options"]).toBe("nosniff");
  expect(assetHeaders["strict-transport-security"]).toBeTruthy();
});

test("the session cookie is __Host- prefixed, HttpOnly, Secure and SameSite=Lax", async ({ request }) => {
  const user = await createE2eUser("viewer");
  const response = await callAction(request, action("signInAction"), "state", { email: user.email, password: E2E_PASSWORD, next: "/plans" }, { forwardedFor: freshIp() });
  const setCookie = response.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value);
  const session = setCookie.find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  expect(session, setCookie.join("\n")).toBeTruthy();
  const attributes = session!.split(";").slice(1).map((a) => a.trim().toLowerCase());
  expect(attributes).toEqual(expect.arrayContaining(["path=/", "httponly", "secure", "samesite=lax"]));
  expect(attributes.some((a) => a.startsWith("domain="))).toBe(false);
  expect(attributes.some((a) => a.startsWith("expires="))).toBe(true);
});

test("a wrong e-mail and a wrong password get byte-identical answers", async ({ request }) => {
  const user = await createE2eUser("viewer");
  const signIn = action("signInAction");
  const wrongPassword = await callAction(request, signIn, "state", { email: user.email, password: "wrong-password-123" }, { forwardedFor: freshIp() });
  const wrongEmail = await callAction(request, signIn, "state", { email: `nobody-${user.email}`, password: E2E_PASSWORD }, { forwardedFor: freshIp() });
  const [a, b] = [await wrongPassword.text(), await wrongEmail.text()];
  expect(resultCode(a)).toBe("unauthorized");
  expect(a).toBe(b);
  expect(wrongPassword.status()).toBe(wrongEmail.status());
});

test("the 11th attempt from one address within 15 minutes is refused even with the right password", async ({ request }) => {
  const user = await createE2eUser("viewer");
  const signIn = action("signInAction");
  const ip = freshIp();
  for (let i = 0; i < 10; i++) {
    const response = await callAction(request, signIn, "state", { email: user.email, password: `wrong-${i}` }, { forwardedFor: ip });
    expect(resultCode(await response.text())).toBe("unauthorized");
  }
  const eleventh = await callAction(request, signIn, "state", { email: user.email, password: E2E_PASSWORD }, { forwardedFor: ip });
  const body = await eleventh.text();
  expect(resultCode(body)).toBe("locked");
  expect(body).toContain("For mange mislykkede innlogginger. Vent 15 minutter og prøv igjen.");
  expect(eleventh.headers()["set-cookie"] ?? "").not.toContain(SESSION_COOKIE);
});

test("a signed-out POST and a cross-origin POST to a server action change nothing", async ({ request }) => {
  const createUser = action("createUserAction");
  const admin = await createE2eUser("admin");
  const cookie = await sessionCookieFor(admin);
  const fields = (email: string) => ({ name: "Probe", email, role: "admin" });
  const count = (email: string) => e2eDb().user.count({ where: { email } });

  const signedOut = `signed-out-${Date.now()}@e2e.planregister.no`;
  const response = await callAction(request, createUser, "state", fields(signedOut));
  expect(resultCode(await response.text())).toBe("unauthorized");
  expect(await count(signedOut)).toBe(0);

  const crossOrigin = `cross-origin-${Date.now()}@e2e.planregister.no`;
  const forged = await callAction(request, createUser, "state", fields(crossOrigin), { cookie, origin: "https://evil.example" });
  expect(forged.status()).toBeGreaterThanOrEqual(400);
  expect(await count(crossOrigin)).toBe(0);

  // The same call from our own origin works, so the refusals above are the guards at work.
  const sameOrigin = `same-origin-${Date.now()}@e2e.planregister.no`;
  const allowed = await callAction(request, createUser, "state", fields(sameOrigin), { cookie });
  expect(await allowed.text()).toContain('"ok":true');
  expect(await count(sameOrigin)).toBe(1);
});

test("after a role change the user's existing session is refused at its very next request", async ({ request }) => {
  const admin = await createE2eUser("admin");
  const editor = await createE2eUser("editor");
  const editorCookie = { cookie: `${SESSION_COOKIE}=${await sessionCookieFor(editor)}` };
  expect((await request.get("/plans", { headers: editorCookie, maxRedirects: 0 })).status()).toBe(200);

  const changed = await callAction(request, action("changeRoleAction"), "state", { userId: String(editor.id), role: "viewer" }, { cookie: await sessionCookieFor(admin) });
  expect(await changed.text()).toContain('"ok":true');

  const next = await request.get("/plans", { headers: editorCookie, maxRedirects: 0 });
  expect(next.status()).toBe(307);
  expect(next.headers()["location"]).toMatch(/^\/login/);
});

test("a 1 MB title gets a field error, not a 500, and saves nothing", async ({ request }) => {
  const editor = await createE2eUser("editor");
  const before = await e2eDb().plan.count();
  const response = await callAction(request, action("createPlanAction"), "state", { title: "x".repeat(1_000_000), type: "temaplan", status: "planlagt" }, { cookie: await sessionCookieFor(editor) });
  expect(response.status()).toBe(200);
  const body = await response.text();
  expect(resultCode(body)).toBe("invalid");
  expect(body).toContain('"title":["Høyst 300 tegn."]');
  expect(await e2eDb().plan.count()).toBe(before);
});
