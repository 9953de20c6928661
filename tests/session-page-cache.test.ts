// The edge's cache of signed-in pages (lib/http/session-page-cache.ts, decision 062) on a real HTTP
// server and a database of its own with two municipalities. Sessions are started the way the app
// starts them, looked up by the edge's own statement as the app role, and the "app" behind the
// cache checks the session itself as every page does (resolveSession) and answers like Next.js: a
// fresh nonce on its scripts and in its policy, a redirect to sign-in for a session it refuses.
import http from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { withTenant, currentTenantId } from "../lib/tenant-context";
import { tenantQuery } from "../lib/tenant-sql";
import { APP_ROLE } from "../lib/db-role";
import { SESSION_CHECK_SQL, type SessionRow } from "../lib/auth/session-check";
import { authSecret, sessionCookieName } from "../lib/auth/settings";
import { PAGE_CACHE_HEADER } from "../lib/http/page-cache";
import { sessionPageEntry, sessionPageRequest, sessionPageServer, sharedSessionPages } from "../lib/http/session-page-cache";
import { requestLocale } from "../lib/http/request-cookies";
import { gzipWithNonce, plainWithNonce, splitAtNonce } from "../lib/http/nonce-gzip";
import zlib from "node:zlib";
import { addMunicipality, closeTenantLibDb, type TenantLibDb } from "./support/tenant-lib-db";

const holder = vi.hoisted(() => ({}) as TenantLibDb);
vi.mock("../lib/db", async () => (await import("./support/tenant-lib-db")).tenantLibDb(holder, "planregister_session_pages"));

const { issueSession, resolveSession } = await import("../lib/auth/session");
const { changeRole, setActive } = await import("../lib/users/mutations");

const A = 1;
let b: number;
let pool: pg.Pool;
let server: http.Server;
let base: string;
let renders = 0;
let databaseDown = false;
let renderMs = 0;

// The app behind the edge: checks the session itself, then renders a page that names its render,
// user, role, URL and router header, with a nonce on its scripts as Next.js does.
async function app(req: http.IncomingMessage, res: http.ServerResponse) {
  const cookie = new Map((req.headers.cookie ?? "").split(/; */).map((p) => [p.split("=")[0]!, p.slice(p.indexOf("=") + 1)]));
  const user = await resolveSession(cookie.get(sessionCookieName()));
  if (!user) {
    res.writeHead(307, { Location: "/login" });
    return void res.end();
  }
  const n = ++renders;
  if (renderMs) await new Promise((resolve) => setTimeout(resolve, renderMs));
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  res.setHeader("Content-Type", req.headers.rsc ? "text/x-component" : "text/html; charset=utf-8");
  res.setHeader("Cache-Control", "private, no-cache, no-store, max-age=0, must-revalidate");
  res.setHeader("Vary", "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch");
  res.setHeader("Content-Security-Policy", `default-src 'self'; script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
  res.write(`<!DOCTYPE html><html><head><script src="/_next/static/chunks/a.js" async nonce="${nonce}"></script></head>`);
  res.end(`<body><h1>render ${n} tenant ${currentTenantId()} user ${user.id} ${user.role} ${req.url} rsc=${req.headers.rsc ?? "-"}</h1><script nonce="${nonce}">self.__next_f.push([1,"${n}"])</script>${"<p>rad</p>".repeat(500)}</body></html>`);
}

beforeAll(async () => {
  const t = holder.t!;
  b = await addMunicipality(t);
  pool = new pg.Pool(t.embedded ? t.config : { ...t.config, user: APP_ROLE, password: undefined });
  if (t.embedded) pool.on("connect", (client) => void client.query(`SET ROLE ${APP_ROLE}`));
  const cache = sharedSessionPages();
  const servers = new Map<number, ReturnType<typeof sessionPageServer>>();
  const serverFor = (tenant: number) => {
    if (!servers.has(tenant)) {
      servers.set(tenant, sessionPageServer(async (id) => {
        if (databaseDown) throw new Error("database down");
        return (await tenantQuery(pool, SESSION_CHECK_SQL, [id], tenant)).rows[0] as SessionRow | undefined;
      }, authSecret, app, cache, String(tenant)));
    }
    return servers.get(tenant)!;
  };
  server = http.createServer(async (req, res) => {
    const tenant = Number(req.headers["x-test-tenant"] ?? A);
    await withTenant(tenant, async () => {
      const request = sessionPageRequest(req.method ?? "GET", req.url ?? "/", req.headers, sessionCookieName(), requestLocale(req.headers.cookie));
      if (request && (await serverFor(tenant)(req, res, request))) return;
      await app(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await pool.end();
  await closeTenantLibDb(holder);
});

async function signedIn(role: "viewer" | "editor" | "admin", tenant = A) {
  return withTenant(tenant, async () => {
    const user = await holder.db!.user.create({ data: { email: `${role}-${crypto.randomUUID()}@kommune.test`, name: `Test ${role}`, role } });
    const { token, sessionId } = await issueSession(user, "password");
    return { user, token, sessionId, cookie: `${sessionCookieName()}=${token}` };
  });
}

const get = (path: string, headers: Record<string, string>) => fetch(`${base}${path}`, { headers, redirect: "manual" });
const nonces = (text: string) => [...text.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]);
const policyNonce = (response: Response) => /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
const rendered = (text: string) => /<h1>(.*?)<\/h1>/.exec(text)?.[1];
const bumpRegister = (tenant: number) => withTenant(tenant, async () => {
  await holder.db!.plan.create({ data: { title: `Plan ${crypto.randomUUID()}`, type: "temaplan" } });
});

describe("which requests the cache may answer", () => {
  it("GETs of the read-only signed-in pages with a session cookie; not forms, admin, actions, odd paths or ambiguous languages", () => {
    const name = "planregister.session";
    const cookie = { cookie: `${name}=abc` };
    for (const url of ["/", "/plans", "/plans?q=a&page=2", "/plans/12", "/schedule", "/sdg", "/sdg/17", "/periods/3"]) {
      expect(sessionPageRequest("GET", url, cookie, name, "nb"), url).toEqual({ token: "abc", locale: "nb", url });
    }
    for (const url of ["/plans/new", "/plans/12/edit", "/admin/users", "/account", "/periods", "/innsyn", "/api/v1/plans", "/innsyn/../plans", "/plans/%2e%2e/admin", `/plans?q=${"x".repeat(3000)}`]) {
      expect(sessionPageRequest("GET", url, cookie, name, "nb"), url).toBeNull();
    }
    expect(sessionPageRequest("HEAD", "/plans", cookie, name, "nb")).toBeNull();
    expect(sessionPageRequest("POST", "/plans", cookie, name, "nb")).toBeNull();
    expect(sessionPageRequest("GET", "/plans", { ...cookie, "next-action": "x" }, name, "nb")).toBeNull();
    expect(sessionPageRequest("GET", "/plans", {}, name, "nb")).toBeNull();
    expect(sessionPageRequest("GET", "/plans", { cookie: `${name}=abc; NEXT_LOCALE=nb; NEXT_LOCALE=en` }, name, "nb")).toBeNull();
  });

  it("keeps only a 200 page or RSC payload without cookies, uncompressed, varying on nothing the key lacks", () => {
    const html = { "content-type": "text/html; charset=utf-8", vary: "rsc, next-router-state-tree, Accept-Encoding", "content-security-policy": "script-src 'nonce-QUJDREVGR0hJSktMTU5PUA=='" };
    const body = Buffer.from("<p>x</p>");
    expect(sessionPageEntry("k", "1", 200, html, body)?.nonce).toBe("QUJDREVGR0hJSktMTU5PUA==");
    expect(sessionPageEntry("k", "1", 200, { ...html, "content-type": "text/x-component" }, body)).not.toBeNull();
    expect(sessionPageEntry("k", "1", 404, html, body)).toBeNull();
    expect(sessionPageEntry("k", "1", 307, html, body)).toBeNull();
    expect(sessionPageEntry("k", "1", 200, { ...html, "set-cookie": "a=b" }, body)).toBeNull();
    expect(sessionPageEntry("k", "1", 200, { ...html, "content-type": "application/json" }, body)).toBeNull();
    expect(sessionPageEntry("k", "1", 200, { ...html, "content-encoding": "gzip" }, body)).toBeNull();
    expect(sessionPageEntry("k", "1", 200, { ...html, vary: "rsc, Cookie" }, body)).toBeNull();
  });

  it("a page compressed once decodes, with every answer's own nonce, to the page with that nonce and nothing else changed", () => {
    const old = "T0xEMDAwMDAwMDAwMDAwMDAwMDA=";
    const random = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7919 + (i >> 3)) % 251));
    const bodies = [
      `<script nonce="${old}">a()</script><p>midt</p><script nonce="${old}">b()</script>`,
      `${old}${old}start og slutt${old}`,
      "ingen nonce her",
      "",
      `<p>${"æøå – tekst ".repeat(20_000)}</p><script nonce="${old}"></script>`,
    ].map((text) => Buffer.from(text)).concat([Buffer.concat([random, Buffer.from(old), random])]);
    for (const body of bodies) {
      const split = splitAtNonce(body, old);
      for (const nonce of ["TkVXMTExMTExMTExMTExMTExMTE=", "kort", ""]) {
        const expected = Buffer.from(body.toString("latin1").split(old).join(nonce), "latin1");
        expect(zlib.gunzipSync(gzipWithNonce(split, nonce)).equals(expected)).toBe(true);
        expect(plainWithNonce(split, nonce).equals(expected)).toBe(true);
      }
    }
    // No nonce to write over: the page as it is.
    expect(zlib.gunzipSync(gzipWithNonce(splitAtNonce(Buffer.from("x nonce y"), null), "z")).toString()).toBe("x nonce y");
  });
});

describe("signed-in pages from the edge", () => {
  it("a session's repeated request is answered from the cache with a fresh nonce in its scripts and its policy", async () => {
    const { cookie } = await signedIn("viewer");
    const first = await get("/plans?q=kept", { cookie, "accept-encoding": "br" });
    const firstText = await first.text();
    expect(first.headers.get(PAGE_CACHE_HEADER)).toBe("miss");
    const before = renders;
    for (const encoding of ["br", "gzip", "gzip, deflate, br", "identity"]) {
      const again = await get("/plans?q=kept", { cookie, "accept-encoding": encoding });
      const text = await again.text();
      expect(again.headers.get(PAGE_CACHE_HEADER)).toBe("hit");
      expect(again.headers.get("content-encoding")).toBe({ br: "br", gzip: "gzip", "gzip, deflate, br": "gzip", identity: null }[encoding]);
      expect(rendered(text)).toBe(rendered(firstText));
      const used = new Set(nonces(text));
      expect(used.size).toBe(1);
      expect([...used][0]).toBe(policyNonce(again));
      expect(used.has(policyNonce(first)!)).toBe(false);
      expect(again.headers.get("vary")).toMatch(/rsc/);
    }
    expect(renders).toBe(before);
  });

  it("requests of one session for a page being rendered wait for that render, and each gets its own nonce", async () => {
    const { cookie } = await signedIn("viewer");
    const before = renders;
    renderMs = 300;
    try {
      const answers = await Promise.all(Array.from({ length: 6 }, () => get("/sdg/5", { cookie })));
      const texts = await Promise.all(answers.map((a) => a.text()));
      expect(renders - before).toBe(1);
      expect(new Set(texts.map(rendered)).size).toBe(1);
      expect(new Set(answers.map(policyNonce)).size).toBe(6);
      expect(answers.map((a) => a.headers.get(PAGE_CACHE_HEADER)).sort()).toEqual(["hit", "hit", "hit", "hit", "hit", "miss"]);
    } finally {
      renderMs = 0;
    }
  });

  it("another session, of another role, and a client-side navigation each get their own render", async () => {
    const editor = await signedIn("editor");
    const viewer = await signedIn("viewer");
    const page = await (await get("/schedule", { cookie: editor.cookie })).text();
    expect(rendered(page)).toContain(`user ${editor.user.id} editor`);
    const other = await get("/schedule", { cookie: viewer.cookie });
    expect(other.headers.get(PAGE_CACHE_HEADER)).toBe("miss");
    expect(rendered(await other.text())).toContain(`user ${viewer.user.id} viewer`);
    const navigation = await get("/schedule", { cookie: editor.cookie, rsc: "1" });
    expect(navigation.headers.get(PAGE_CACHE_HEADER)).toBe("miss");
    expect(rendered(await navigation.text())).toContain("rsc=1");
    const document = await get("/schedule", { cookie: editor.cookie });
    expect(document.headers.get(PAGE_CACHE_HEADER)).toBe("hit");
    expect(rendered(await document.text())).toContain("rsc=-");
  });

  it("a change to the register is seen at the next request: the page is rendered anew", async () => {
    const { cookie } = await signedIn("viewer");
    const first = rendered(await (await get("/", { cookie })).text());
    expect((await get("/", { cookie })).headers.get(PAGE_CACHE_HEADER)).toBe("hit");
    await bumpRegister(A);
    const after = await get("/", { cookie });
    expect(after.headers.get(PAGE_CACHE_HEADER)).toBe("miss");
    expect(rendered(await after.text())).not.toBe(first);
  });

  it("a revoked session, a deactivated user and a changed role are refused by the app, never answered from the cache", async () => {
    const admin = await signedIn("admin");
    const revoked = await signedIn("viewer");
    const deactivated = await signedIn("viewer");
    const demoted = await signedIn("editor");
    for (const s of [revoked, deactivated, demoted]) {
      await get("/sdg", { cookie: s.cookie });
      expect((await get("/sdg", { cookie: s.cookie })).headers.get(PAGE_CACHE_HEADER)).toBe("hit");
    }
    await withTenant(A, async () => {
      await holder.db!.session.update({ where: { id: revoked.sessionId }, data: { revokedAt: new Date() } });
      await setActive(admin.user.id, deactivated.user.id, false);
      await changeRole(admin.user.id, demoted.user.id, "viewer");
    });
    for (const s of [revoked, deactivated, demoted]) {
      const answer = await get("/sdg", { cookie: s.cookie });
      expect(answer.status).toBe(307);
      expect(answer.headers.get("location")).toBe("/login");
      expect(answer.headers.get(PAGE_CACHE_HEADER)).toBeNull();
    }
  });

  it("a session of one municipality sent to another's host is refused there, and never gets the first one's page", async () => {
    const roros = await signedIn("viewer", A);
    await get("/plans/1", { cookie: roros.cookie });
    expect((await get("/plans/1", { cookie: roros.cookie })).headers.get(PAGE_CACHE_HEADER)).toBe("hit");
    const elsewhere = await get("/plans/1", { cookie: roros.cookie, "x-test-tenant": String(b) });
    expect(elsewhere.status).toBe(307);
    const holtalen = await signedIn("viewer", b);
    const own = await get("/plans/1", { cookie: holtalen.cookie, "x-test-tenant": String(b) });
    expect(own.headers.get(PAGE_CACHE_HEADER)).toBe("miss");
    expect(rendered(await own.text())).toContain(`tenant ${b} user ${holtalen.user.id}`);
  });

  it("a change in one municipality leaves the other's pages kept", async () => {
    const holtalen = await signedIn("viewer", b);
    const headers = { cookie: holtalen.cookie, "x-test-tenant": String(b) };
    await get("/sdg/3", headers);
    await bumpRegister(A);
    expect((await get("/sdg/3", headers)).headers.get(PAGE_CACHE_HEADER)).toBe("hit");
  });

  it("a session due to have its last use written goes to the app, which writes it", async () => {
    const s = await signedIn("viewer");
    await get("/plans", { cookie: s.cookie });
    const old = new Date(Date.now() - 5 * 60_000);
    await withTenant(A, () => holder.db!.session.update({ where: { id: s.sessionId }, data: { lastSeenAt: old } }));
    const answer = await get("/plans", { cookie: s.cookie });
    expect(answer.status).toBe(200);
    expect(answer.headers.get(PAGE_CACHE_HEADER)).toBeNull();
    const row = await withTenant(A, () => holder.db!.session.findFirstOrThrow({ where: { id: s.sessionId } }));
    expect(row.lastSeenAt.getTime()).toBeGreaterThan(old.getTime() + 60_000);
    expect((await get("/plans", { cookie: s.cookie })).headers.get(PAGE_CACHE_HEADER)).toBe("hit");
  });

  it("when the database does not answer the request goes to the app, whatever is kept", async () => {
    const s = await signedIn("viewer");
    await get("/periods/1", { cookie: s.cookie });
    databaseDown = true;
    try {
      const before = renders;
      const answer = await get("/periods/1", { cookie: s.cookie });
      expect(answer.headers.get(PAGE_CACHE_HEADER)).toBeNull();
      expect(renders).toBe(before + 1);
    } finally {
      databaseDown = false;
    }
  });
});
