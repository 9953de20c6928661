// The outside probe's findings (issue 9), each asserted over HTTP on the production build.
import net from "node:net";
import { expect, test } from "@playwright/test";
import { builtActions } from "./support/build-manifest";
import { callAction, resultCode } from "./support/actions";
import { createE2eUser, e2eDb, E2E_PASSWORD, nameE2eHost, sessionCookieFor, SESSION_COOKIE } from "./support/db";
import { readE2eState } from "./state";
import { startOfRateWindowIfNeeded } from "./support/rate-window";

const action = (name: string) => builtActions().find((a) => a.name === name)!;
const address = () => `203.0.113.${Math.floor(Math.random() * 250) + 1}-${Date.now() % 1_000_000}-${Math.random().toString(36).slice(2, 6)}`;
const bypasses = ["/..//evil.example/x", "//evil.example", "/\\evil.example", "/%2F%2Fevil.example", "%2F%2Fevil.example", "/%09/evil.example", "\\/\\/evil.example", "/.%2e//evil.example", "/%252F%252Fevil.example", "/%5C%5Cevil.example"];
const stayOnSite = (location: string) => {
  expect(location).toMatch(/^\/(?![/\\])/);
  expect(new URL(location, "http://localhost").host).toBe("localhost");
};

test("a signed-in visitor is never redirected off-site by /login?next=…", async ({ request }) => {
  const user = await createE2eUser("viewer");
  const cookie = `${SESSION_COOKIE}=${await sessionCookieFor(user)}`;
  for (const next of bypasses) {
    const response = await request.get(`/login?next=${encodeURIComponent(next)}`, { headers: { cookie }, maxRedirects: 0 });
    expect(response.status(), next).toBe(307);
    stayOnSite(response.headers().location!);
  }
});

test("signing in never redirects off-site, whatever next says", async ({ request }) => {
  const user = await createE2eUser("viewer");
  for (const next of bypasses) {
    const response = await callAction(request, action("signInAction"), "state", { email: user.email, password: E2E_PASSWORD, next }, { forwardedFor: address() });
    const location = response.headers()["x-action-redirect"] ?? response.headers().location;
    expect(location, next).toBeTruthy();
    stayOnSite(location!.split(";")[0]!);
  }
});

test("the owner signs in from their usual address while an attacker hammers the account from another", async ({ request }) => {
  const user = await createE2eUser("editor");
  const signIn = action("signInAction");
  const home = address();
  expect((await callAction(request, signIn, "state", { email: user.email, password: E2E_PASSWORD }, { forwardedFor: home })).headers()["x-action-redirect"]).toBeTruthy();
  const attacker = address();
  for (let i = 0; i < 14; i++) await callAction(request, signIn, "state", { email: user.email, password: `guess-${i}` }, { forwardedFor: attacker });
  const attackerWithPassword = await callAction(request, signIn, "state", { email: user.email, password: E2E_PASSWORD }, { forwardedFor: attacker });
  expect(resultCode(await attackerWithPassword.text())).toBe("locked");
  const owner = await callAction(request, signIn, "state", { email: user.email, password: E2E_PASSWORD }, { forwardedFor: home });
  expect(owner.headers()["x-action-redirect"]).toBeTruthy();
  expect(owner.headers()["set-cookie"]).toContain(SESSION_COOKIE);
});

test("without a trusted proxy, X-Forwarded-For and the edge's own header are ignored: the address is the socket's", async ({ request }) => {
  const { directUrl } = readE2eState();
  const user = await createE2eUser("viewer");
  const signIn = action("signInAction");
  for (let i = 0; i < 10; i++) {
    const headers = { "x-forwarded-for": `192.0.2.${i + 1}`, "x-planregister-client-address": `198.51.100.${i + 1}` };
    const failed = await callAction(request, signIn, "state", { email: user.email, password: `wrong-${i}` }, { baseUrl: directUrl, headers });
    expect(resultCode(await failed.text())).toBe("unauthorized");
  }
  const spoofed = await callAction(request, signIn, "state", { email: user.email, password: E2E_PASSWORD }, { baseUrl: directUrl, headers: { "x-forwarded-for": "192.0.2.55" } });
  expect(resultCode(await spoofed.text())).toBe("locked");
  const recorded = await e2eDb().auditEvent.findMany({ where: { type: { startsWith: "auth.sign_in" }, after: { path: ["email"], equals: user.email } } });
  expect(recorded.length).toBe(11);
  const addresses = new Set(recorded.map((r) => (r.after as { ip: string }).ip));
  expect([...addresses]).toHaveLength(1);
  expect([...addresses][0]).toMatch(/^(127\.0\.0\.1|::1)$/);
});

test("more than the allowed sign-in attempts per minute from one address are refused with the wait, before anything is checked", async ({ request }) => {
  const from = address();
  test.setTimeout(120_000); // may wait up to a minute for a fresh rate-limit window
  await startOfRateWindowIfNeeded(60, 40);
  const signIn = action("signInAction");
  // Without a password: counted (the count comes first), yet nothing is hashed or audited.
  const attempt = async (forwardedFor: string) => (await callAction(request, signIn, "state", { email: "x@example.org", password: "" }, { forwardedFor, path: "/login" })).text();
  const codes: (string | undefined)[] = [];
  for (let i = 0; i < 60; i++) codes.push(resultCode(await attempt(from)));
  expect(codes.every((c) => c === "invalid")).toBe(true);
  const limited = await attempt(from);
  expect(resultCode(limited)).toBe("throttled");
  expect(limited).toMatch(/For mange innloggingsforsøk fra denne adressen\. Vent \d+ sekunder og prøv igjen\./);
  // Another address is not affected.
  expect(resultCode(await attempt(address()))).toBe("invalid");
});

test("redirects, static files and the favicon 404 carry a CSP; the language cookie is Secure", async ({ request }) => {
  const redirect = await request.get("/plans", { maxRedirects: 0 });
  expect(redirect.status()).toBe(307);
  expect(redirect.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  const html = await (await request.get("/login")).text();
  const asset = /\/_next\/static\/[^"]+\.js/.exec(html)![0];
  expect((await request.get(asset)).headers()["content-security-policy"]).toContain("object-src 'none'");
  const favicon = await request.get("/favicon.ico");
  expect(favicon.headers()["content-security-policy"]).toContain("script-src 'self'");

  const setLocale = await callAction(request, action("setLocaleAction"), "form", { locale: "en" });
  const cookie = (setLocale.headersArray().find((h) => h.name.toLowerCase() === "set-cookie" && h.value.startsWith("NEXT_LOCALE="))?.value ?? "").toLowerCase();
  expect(cookie).toContain("secure");
  expect(cookie).toContain("httponly");
});

test("NUL bytes and control characters in filters are ignored, not a 500", async ({ request }) => {
  const user = await createE2eUser("admin");
  const headers = { cookie: `${SESSION_COOKIE}=${await sessionCookieFor(user)}` };
  for (const path of ["/plans?q=%00", "/plans?unit=a%00b&q=x%01", "/schedule?unit=%00", "/sdg?unit=%00", "/sdg/3?unit=%00&type=%00", "/admin/users?q=%00", "/plans?q=%E2%80%AE%00%1B"]) {
    const response = await request.get(path, { headers });
    expect(response.status(), path).toBe(200);
  }
});

test("a NUL byte or a control character in a form field is a field error, and nothing is saved", async ({ request }) => {
  const user = await createE2eUser("editor");
  const cookie = await sessionCookieFor(user);
  const before = await e2eDb().plan.count();
  const attempts: Record<string, string>[] = [{ title: "Plan\u0000med NUL", type: "temaplan", status: "planlagt" }, { title: "Plan med\nlinjeskift", type: "temaplan", status: "planlagt" }, { title: "Plan", type: "temaplan", status: "planlagt", responsibleUnit: "Enhet\u001b[31m" }];
  for (const fields of attempts) {
    const body = await (await callAction(request, action("createPlanAction"), "state", fields, { cookie })).text();
    expect(resultCode(body)).toBe("invalid");
    expect(body).toContain("kontrolltegn");
  }
  expect(await e2eDb().plan.count()).toBe(before);
});

test("a foreign Origin gets 403, an oversized body 413, the unused image optimizer 404 — never 500", async ({ request }) => {
  const user = await createE2eUser("editor");
  const cookie = await sessionCookieFor(user);
  const foreign = await callAction(request, action("createPlanAction"), "state", { title: "X", type: "temaplan", status: "planlagt" }, { cookie, origin: "https://evil.example" });
  expect(foreign.status()).toBe(403);
  expect(await foreign.text()).toContain("annet nettsted");
  const huge = await callAction(request, action("createPlanAction"), "state", { title: "x".repeat(3 * 1024 * 1024), type: "temaplan", status: "planlagt" }, { cookie });
  expect(huge.status()).toBe(413);
  expect(await huge.text()).toContain("for stor");
  expect((await request.get("/_next/image?url=/x&w=64&q=75")).status()).toBe(404);
  expect((await request.get("/_next/image?url=/x")).status()).toBe(404);
});

/** Sends a POST's headers, then its body in slow chunks; what the server answered, and how much of the body it had by then. */
function slowPost(baseURL: string, length: number, chunks: number): Promise<{ answer: string; sentBeforeAnswer: number }> {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname === "localhost" ? "127.0.0.1" : hostname);
    let answer = "";
    let sent = 0;
    let sentBeforeAnswer = -1;
    socket.on("data", (d) => {
      if (sentBeforeAnswer < 0) sentBeforeAnswer = sent;
      answer += d.toString("latin1");
    });
    socket.on("error", () => {});
    socket.on("close", () => resolve({ answer, sentBeforeAnswer }));
    socket.write(`POST /plans/new HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: text/plain\r\nContent-Length: ${length}\r\n\r\n`);
    const piece = Buffer.alloc(Math.ceil(length / chunks), "x");
    const next = () => {
      if (sent >= length || socket.destroyed || answer) return;
      const part = piece.subarray(0, Math.min(piece.length, length - sent));
      socket.write(part, () => {
        sent += part.length;
        setTimeout(next, 15);
      });
    };
    next();
  });
}

test("an oversized body is read before the 413 goes out, so a client that writes it all still gets the message", async ({ baseURL }) => {
  // Clients write the whole body before reading; answering early and closing gave them a broken pipe.
  const length = 3 * 1024 * 1024;
  const { answer, sentBeforeAnswer } = await slowPost(baseURL!, length, 48);
  expect(answer).toMatch(/^HTTP\/1\.1 413 /);
  expect(answer).toContain("for stor");
  expect(sentBeforeAnswer).toBe(length);
  // A claimed body beyond what the edge reads is answered at once: headers and one chunk, then the client waits.
  const { hostname, port } = new URL(baseURL!);
  const early = await new Promise<string>((resolve) => {
    const socket = net.connect(Number(port), hostname === "localhost" ? "127.0.0.1" : hostname);
    let text = "";
    socket.on("data", (d) => (text += d.toString("latin1")));
    socket.on("error", () => {});
    socket.on("close", () => resolve(text));
    socket.write(`POST /plans/new HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Length: ${1024 * 1024 * 1024}\r\n\r\n`);
    socket.write(Buffer.alloc(64 * 1024, "x"));
  });
  expect(early).toMatch(/^HTTP\/1\.1 413 /);
});

test("the login page says why signing in cannot work over plain http on a non-local address", async ({ request }) => {
  // The message itself (the translations sent to the browser mention the variable too).
  const warning = /<p role="alert"[^>]*>[^<]*AUTH_INSECURE_COOKIES/;
  // The example data has several tenants, so only named hosts answer.
  await nameE2eHost("planer.kommune.example");
  const insecure = await (await request.get("/login", { headers: { host: "planer.kommune.example" } })).text();
  expect(insecure).toMatch(warning);
  const behindTls = await (await request.get("/login", { headers: { host: "planer.kommune.example", "x-forwarded-proto": "https" } })).text();
  expect(behindTls).not.toMatch(warning);
  expect(await (await request.get("/login")).text()).not.toMatch(warning);
});

test("the health endpoints answer without a session", async ({ request }) => {
  expect(await (await request.get("/api/health")).json()).toEqual({ status: "ok" });
  expect(await (await request.get("/api/health/ready")).json()).toEqual({ status: "ok", database: "ok" });
});
