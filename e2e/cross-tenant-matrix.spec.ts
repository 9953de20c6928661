// The cross-tenant matrix (issue 19): every page, route handler, server action, API endpoint and
// download of the production build, as each role of Røros (tenant 1, on localhost), aimed at
// municipality B's ids on Røros's host and at B's host (b.localhost) with Røros's cookie. The
// answer is 404 or refused, never B's data (nothing of B's MARKER in any answer), and B's rows in
// the database are the same afterwards. B is made by e2e/server.ts (e2e/support/tenant-b.ts).
// Node cannot resolve *.localhost, so B's host is named in the Host header (node:http, to the
// instance that trusts no proxy) or, for the calls Playwright makes, in X-Forwarded-Host to the
// instance that trusts one proxy (the tests play that proxy, as elsewhere).
import http from "node:http";
import pg from "pg";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { builtActions, builtRoutes } from "./support/build-manifest";
import { callAction, resultCode } from "./support/actions";
import { createE2eUser, E2E_PASSWORD, e2eDb, sessionCookieFor, SESSION_COOKIE } from "./support/db";
import { TENANT_B, tenantBDb, tenantBId } from "./support/tenant-b";
import { createSessionRow, encodeSessionToken } from "../lib/auth/session-token";
import { readE2eState } from "./state";
import { unsubscribeToken } from "../lib/mail/unsubscribe-token";
import { PAGE_CACHE_HEADER } from "../lib/http/page-cache";

const state = readE2eState();
const port = Number(new URL(state.baseUrl).port);
const directPort = Number(new URL(state.directUrl).port);
const bHost = `${TENANT_B.host}:${port}`;
const A_TOKEN = `prt_${"a".repeat(43)}`;

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** A request with the Host header we name, to the instance that trusts no proxy. */
function hostRequest(path: string, host: string, options: { method?: string; cookie?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { host, ...options.headers };
    if (options.cookie) headers.cookie = `${SESSION_COOKIE}=${options.cookie}`;
    const req = http.request({ host: "127.0.0.1", port: directPort, path, method: options.method ?? "GET", headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

type Ids = { tenant: number; plan: number; period: number; user: number; editor: number; token: number; upload: string };

async function owner<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: state.databaseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function bIds(): Promise<Ids> {
  return owner(async (c) => {
    const tenant = (await tenantBId(c))!;
    const one = async (sql: string) => (await c.query<{ id: number | string }>(sql, [tenant])).rows[0]!.id;
    return {
      tenant,
      plan: Number(await one(`SELECT id FROM plans WHERE tenant_id = $1 ORDER BY id LIMIT 1`)),
      period: Number(await one(`SELECT id FROM strategy_periods WHERE tenant_id = $1 ORDER BY id LIMIT 1`)),
      user: Number(await one(`SELECT id FROM users WHERE tenant_id = $1 AND role = 'admin' LIMIT 1`)),
      editor: Number(await one(`SELECT id FROM users WHERE tenant_id = $1 AND role = 'editor' LIMIT 1`)),
      token: Number(await one(`SELECT id FROM api_tokens WHERE tenant_id = $1 LIMIT 1`)),
      upload: String(await one(`SELECT id FROM import_uploads WHERE tenant_id = $1 LIMIT 1`)),
    };
  });
}

// Counters that a request to B's host rightly moves in B (its own rate limits per address).
const MOVED_BY_B_TRAFFIC = new Set(["rate_limit_counters"]);

/** A checksum of each of B's tables (every row with B's tenant_id), read as the owner. */
async function checksumOfB(tenant: number): Promise<Record<string, string>> {
  return owner(async (c) => {
    const tables = await c.query<{ table_name: string }>(
      `SELECT c.table_name FROM information_schema.columns c JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND t.table_type = 'BASE TABLE' ORDER BY 1`);
    const out: Record<string, string> = {};
    for (const { table_name: table } of tables.rows) {
      if (MOVED_BY_B_TRAFFIC.has(table)) continue;
      const { rows } = await c.query<{ sum: string }>(`SELECT count(*) || ':' || md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS sum FROM "${table}" x WHERE tenant_id = $1`, [tenant]);
      out[table] = rows[0]!.sum;
    }
    return out;
  });
}

// Refused: 401, 403, 404, or sent to sign-in; an import that is not the user's is "expired", as an
// unknown one is (the same answer for someone else's upload in the same municipality).
const refused = (a: { status: number; location: string }) =>
  a.status === 401 || a.status === 403 || a.status === 404 ||
  (a.status >= 300 && a.status < 400 && (a.location.includes("/login") || a.location.includes("/plans/import?error=expired")));

async function get(request: APIRequestContext, url: string, cookie: string | undefined, headers: Record<string, string> = {}) {
  const response = await request.get(url, { headers: { ...headers, ...(cookie ? { cookie: `${SESSION_COOKIE}=${cookie}` } : {}) }, maxRedirects: 0, failOnStatusCode: false });
  return { status: response.status(), location: response.headers()["location"] ?? "", body: await response.text() };
}

test.describe.configure({ mode: "serial" });

let b: Ids;
let roles: { name: string; role: "viewer" | "editor" | "admin"; cookie: string }[];

test.beforeAll(async () => {
  b = await bIds();
  process.env.NEXTAUTH_SECRET = state.secret;
  roles = [];
  for (const role of ["viewer", "editor", "admin"] as const) {
    const user = await createE2eUser(role);
    roles.push({ name: `Røros ${role}`, role, cookie: await sessionCookieFor(user) });
  }
  // A Røros token for the API checks.
  const editor = await createE2eUser("editor");
  const { createHash } = await import("node:crypto");
  await e2eDb().apiToken.create({ data: { userId: editor.id, name: "Røros-token", tokenHash: createHash("sha256").update(A_TOKEN).digest("hex") } });
});

test("B answers on its own host only; the health probe answers on every host", async ({ request }) => {
  // Sanity: B is reachable on b.localhost, so the refusals below mean something.
  const bApi = await hostRequest("/api/v1/plans", bHost, { headers: { authorization: `Bearer ${TENANT_B.apiToken}` } });
  expect(bApi.status).toBe(200);
  expect(bApi.body).toContain(TENANT_B.marker);
  // Røros on localhost and 127.0.0.1 shows none of B.
  for (const host of [`localhost:${port}`, `127.0.0.1:${port}`]) {
    const page = await hostRequest("/innsyn", host);
    expect(page.status).toBe(200);
    expect(page.body).not.toContain(TENANT_B.marker);
  }
  // An unknown host: a 404 page, never a municipality.
  const unknown = await hostRequest("/innsyn", `ukjent.localhost:${port}`);
  expect(unknown.status).toBe(404);
  expect(unknown.body).not.toContain(TENANT_B.marker);
  // Liveness on every host, known or not, without the tenant lookup.
  for (const host of [`localhost:${port}`, bHost, `ukjent.localhost:${port}`, `10.0.0.5:${port}`]) {
    const health = await hostRequest("/api/health", host);
    expect(health.status, host).toBe(200);
    expect(JSON.parse(health.body)).toEqual({ status: "ok" });
    const ready = await hostRequest("/api/health/ready", host);
    expect(ready.status, host).toBe(200);
    expect(JSON.parse(ready.body)).toEqual({ status: "ok", database: "ok" });
  }
  expect((await request.get("/api/health")).status()).toBe(200);
});

test("innsyn, open data, the sitemap and the caches are each municipality's own, even at the same register version", async ({ request }) => {
  // The same register version in both: only the tenant in the cache keys tells them apart.
  await owner((c) => c.query(`UPDATE data_versions SET version = (SELECT version FROM data_versions WHERE tenant_id = 1 AND name = 'register') WHERE tenant_id = $1 AND name = 'register'`, [b.tenant]));
  const rorosPlan = await e2eDb().plan.findFirstOrThrow({ where: { archivedAt: null }, orderBy: { id: "asc" } });
  for (const path of ["/api/v1/plans", "/innsyn/plans.json", "/innsyn/plans.csv", "/innsyn", "/api/v1/periods"]) {
    const a = await hostRequest(path, `localhost:${port}`);
    const inB = await hostRequest(path, bHost);
    expect(a.status, path).toBe(200);
    expect(inB.status, path).toBe(200);
    expect(a.body, `Røros's ${path}`).not.toContain(TENANT_B.marker);
    // A second read (from the caches now) on each host: still each its own.
    expect((await hostRequest(path, `localhost:${port}`)).body).not.toContain(TENANT_B.marker);
    expect((await hostRequest(path, bHost)).body, `B's ${path}`).not.toContain(rorosPlan.title);
  }
  expect((await hostRequest("/innsyn/plans.json", bHost)).body).toContain(TENANT_B.marker);

  // The edge page cache: Røros's innsyn page is kept; a change in B does not drop it.
  await hostRequest("/innsyn/schedule", `localhost:${port}`);
  expect((await hostRequest("/innsyn/schedule", `localhost:${port}`)).headers[PAGE_CACHE_HEADER]).toBe("hit");
  // A save in B, through the app on B's host as B's editor: B's plan is archived.
  const archived = await archiveInB(request);
  expect((await hostRequest("/innsyn/schedule", `localhost:${port}`)).headers[PAGE_CACHE_HEADER]).toBe("hit");
  // B's own cached answers did follow its save.
  expect((await hostRequest("/innsyn/plans.json", bHost)).body).not.toContain(archived);
  const bSchedule = await hostRequest("/innsyn/schedule", bHost);
  expect(bSchedule.headers[PAGE_CACHE_HEADER]).not.toBe("hit");
  expect(bSchedule.body).not.toContain(rorosPlan.title);

  // Open data names its municipality: the publisher in the JSON, the file names.
  const bJson = await hostRequest("/innsyn/plans.json", bHost);
  expect(JSON.parse(bJson.body).publisher).toEqual({ name: `${TENANT_B.name} ${TENANT_B.marker}`, kommunenummer: TENANT_B.kommunenummer });
  expect(bJson.headers["content-disposition"]).toMatch(/filename="nabokommune-b-nabokommune-b-planer-\d{4}-\d{2}-\d{2}\.json"/);
  expect((await hostRequest("/innsyn/plans.csv", bHost)).headers["content-disposition"]).toMatch(/filename="nabokommune-b-nabokommune-b-planer-/);
  const aCsv = await hostRequest("/innsyn/plans.csv", `localhost:${port}`);
  expect(aCsv.headers["content-disposition"]).not.toContain("nabokommune");
  expect(aCsv.headers["content-disposition"]).toMatch(/filename="[a-z0-9-]+-planer-\d{4}/);

  // Absolute URLs on each municipality's own host.
  const bSitemap = await hostRequest("/sitemap.xml", bHost);
  const bLocs = [...bSitemap.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
  expect(bLocs.length).toBeGreaterThan(0);
  for (const loc of bLocs) expect(loc.startsWith(`http://${bHost}/`), loc).toBe(true);
  const aSitemap = await hostRequest("/sitemap.xml", `localhost:${port}`);
  expect(aSitemap.body).not.toContain(TENANT_B.host);
  expect((await hostRequest("/robots.txt", bHost)).body).toContain(`http://${bHost}/sitemap.xml`);
  // B's calendar feed works on B's host, with links there; on Røros's host it is unknown.
  const feed = await hostRequest(`/api/calendar/${TENANT_B.calendarToken}`, bHost);
  expect(feed.status).toBe(200);
  expect(feed.body).toContain(TENANT_B.marker);
  expect(feed.body).toContain(`http://${bHost}/plans/`);
  expect(feed.body).not.toContain("//localhost:");
  expect((await hostRequest(`/api/calendar/${TENANT_B.calendarToken}`, `localhost:${port}`)).status).toBe(404);
});

/** Archives B's first plan through the app on B's host, signed in as B's editor; its title. */
async function archiveInB(request: APIRequestContext): Promise<string> {
  const client = tenantBDb(state.databaseUrl, b.tenant);
  try {
    const user = await client.user.findUniqueOrThrow({ where: { id: b.editor } });
    const { claims } = await createSessionRow(client, user, "password", 3600);
    const cookie = await encodeSessionToken(claims, state.secret, 3600);
    const plan = await client.plan.findUniqueOrThrow({ where: { id: b.plan } });
    const action = builtActions().find((a) => a.name === "archivePlanAction")!;
    const response = await callAction(request, action, "state", { id: String(plan.id), version: String(plan.version) }, { cookie, origin: `http://${bHost}`, headers: { "x-forwarded-host": bHost } });
    expect(response.status()).toBeLessThan(400);
    await expect.poll(async () => (await client.plan.findUniqueOrThrow({ where: { id: b.plan } })).archivedAt).not.toBeNull();
    return plan.title;
  } finally {
    await client.$disconnect();
  }
}

test("every page, route handler, action, API call and download as each Røros role, at B's ids and on B's host: 404 or refused, never B's data, B unchanged", async ({ request }) => {
  test.setTimeout(300_000);
  const before = await checksumOfB(b.tenant);
  const unsubscribeB = unsubscribeToken(b.editor, "owner_reminder");
  const idFor = (route: string) =>
    route.startsWith("/admin") ? b.user : route.startsWith("/periods") ? b.period : route.startsWith("/plans/import/") ? b.upload : b.plan;
  const tokenFor = (route: string) => (route.startsWith("/api/calendar") ? TENANT_B.calendarToken : route.includes("unsubscribe") ? unsubscribeB : "no-such-token");
  const fill = (route: string) =>
    route.replace("[id]", String(idFor(route))).replace("[goal]", "11").replace("[token]", tokenFor(route)).replace("[...nextauth]", "providers");
  const problems: string[] = [];
  let checked = 0;

  for (const principal of roles) {
    for (const { route } of builtRoutes()) {
      const url = route === "/_not-found" ? "/no-such-page" : fill(route);
      // On Røros's host, aimed at B's ids (or at lists and files that must not hold B's rows).
      const onA = await get(request, url, principal.cookie);
      checked++;
      if (onA.status >= 500) problems.push(`${principal.name} GET ${url} on Røros: status ${onA.status}`);
      if (onA.body.includes(TENANT_B.marker)) problems.push(`${principal.name} GET ${url} on Røros: shows B's data`);
      const aimed = /\[(id|token)\]/.test(route) && !route.startsWith("/set-password") && !route.includes("unsubscribe");
      if (aimed && !refused(onA)) problems.push(`${principal.name} GET ${url} on Røros: ${onA.status}, not 404 or refused`);
      // On B's host with Røros's cookie: nothing that is not public, and no 500.
      const onB = await hostRequest(url, bHost, { cookie: principal.cookie });
      checked++;
      if (onB.status >= 500) problems.push(`${principal.name} GET ${url} on B's host: status ${onB.status}`);
      const publicRoute = /^\/(innsyn|api\/v1|api\/docs|api\/health|api\/auth|api\/calendar|api\/unsubscribe|unsubscribe|sitemap|robots|login|set-password)/.test(route) || route === "/_not-found";
      if (!publicRoute && !refused({ status: onB.status, location: String(onB.headers.location ?? "") })) problems.push(`${principal.name} GET ${url} on B's host: ${onB.status}, not refused`);
    }
  }

  // The read API: a token sees only its municipality, on its municipality's host.
  const api = async (path: string, token: string, host: string) => (await hostRequest(path, host, { headers: { authorization: `Bearer ${token}` } })).status;
  expect(await api(`/api/v1/plans/${b.plan}`, A_TOKEN, `localhost:${port}`)).toBe(404);
  expect(await api(`/api/v1/periods/${b.period}`, A_TOKEN, `localhost:${port}`)).toBe(404);
  expect(await api("/api/v1/plans", A_TOKEN, bHost)).toBe(401);
  expect(await api("/api/v1/plans", TENANT_B.apiToken, `localhost:${port}`)).toBe(401);
  const aList = await hostRequest("/api/v1/plans?limit=100", `localhost:${port}`, { headers: { authorization: `Bearer ${A_TOKEN}` } });
  expect(aList.status).toBe(200);
  expect(aList.body).not.toContain(TENANT_B.marker);

  // Every server action, with B's ids in every field that names one, on Røros's host; and on B's
  // host with Røros's cookie (which B does not know: refused as signed out).
  const fieldsFor = (file: string, name: string): Record<string, string> => {
    const id = file.includes("periods/actions") ? b.period : file.includes("api-tokens") ? b.token : file.includes("import") ? b.upload : b.plan;
    return {
      id: String(id), planId: String(b.plan), periodId: String(b.period), userId: String(b.user), ownerId: String(b.editor), itemId: "1", uploadId: b.upload,
      version: "1", token: unsubscribeB, role: "admin", title: `Kryss ${name}`, type: "temaplan", name: `Kryss ${name}`, startYear: "2024", endYear: "2027",
    };
  };
  const bOrigin = `http://${bHost}`;
  const unsubscribeRoros = unsubscribeToken((await createE2eUser("editor")).id, "owner_reminder");
  for (const principal of roles) {
    const actions = [...builtActions()].sort((x, y) => Number(x.name === "signOutAction") - Number(y.name === "signOutAction"));
    for (const action of actions) {
      const shape = action.name === "setLocaleAction" || action.name === "signOutAction" ? "form" : "state";
      const fields = fieldsFor(action.file, action.name);
      const onA = await callAction(request, action, shape, fields, { cookie: principal.cookie });
      const bodyA = await onA.text();
      checked++;
      if (onA.status() >= 500) problems.push(`${principal.name} ${action.name} on Røros with B's ids: status ${onA.status()}`);
      if (bodyA.includes(TENANT_B.marker)) problems.push(`${principal.name} ${action.name} on Røros: shows B's data`);
      // A sign-in attempt on B's host is B's to count (its lock-out counters): checked apart below.
      if (action.name === "signInAction") continue;
      // On B's host the credentials are Røros's: its cookie, and a Røros user's unsubscribe link.
      const onB = await callAction(request, action, shape, { ...fields, token: unsubscribeRoros }, { cookie: principal.cookie, origin: bOrigin, headers: { "x-forwarded-host": bHost } });
      const bodyB = await onB.text();
      checked++;
      if (onB.status() >= 500) problems.push(`${principal.name} ${action.name} on B's host: status ${onB.status()}`);
      const publicAction = ["setLocaleAction", "signInAction", "setPasswordAction", "signOutAction", "unsubscribeAction"].includes(action.name);
      if (!publicAction && resultCode(bodyB) !== "unauthorized") problems.push(`${principal.name} ${action.name} on B's host: ${resultCode(bodyB) ?? onB.status()}, not refused as signed out`);
    }
  }

  // The route handlers that take a POST: the spreadsheet upload with Røros's cookie on B's host
  // (B does not know the session), and the one-click unsubscribe of B's user on Røros's host (a
  // token that names nobody there) and of a Røros user on B's host.
  const sheet = { name: "kryss.csv", mimeType: "text/csv", buffer: Buffer.from(`Tittel;Type\nKryss ${TENANT_B.marker.length};temaplan\n`) };
  for (const principal of roles) {
    const upload = await request.post("/plans/import/upload", { multipart: { file: sheet }, headers: { cookie: `${SESSION_COOKIE}=${principal.cookie}`, origin: bOrigin, "x-forwarded-host": bHost }, maxRedirects: 0, failOnStatusCode: false });
    checked++;
    if (!refused({ status: upload.status(), location: upload.headers()["location"] ?? "" })) problems.push(`${principal.name} POST /plans/import/upload on B's host: ${upload.status()}, not refused`);
  }
  for (const [token, host] of [[unsubscribeB, `localhost:${port}`], [unsubscribeRoros, bHost]] as const) {
    const answer = await new Promise<Answer>((resolve, reject) => {
      const req = http.request({ host: "127.0.0.1", port: directPort, path: `/api/unsubscribe/${token}`, method: "POST", headers: { host, "content-type": "application/x-www-form-urlencoded" } }, (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: "" }));
      });
      req.on("error", reject);
      req.end("List-Unsubscribe=One-Click");
    });
    checked++;
    if (answer.status >= 500 || (answer.status >= 200 && answer.status < 300)) problems.push(`POST /api/unsubscribe/… on ${host} with another municipality's link: ${answer.status}, not refused`);
  }

  console.log(`cross-tenant matrix: ${checked} checks, ${problems.length} problems`);
  expect(problems).toEqual([]);
  // B's rows: the same as before all of it.
  expect(await checksumOfB(b.tenant)).toEqual(before);

  // Røros's credentials on B's host sign no one in (the account is Røros's, not B's); the failed
  // attempt is counted in B, where it was made.
  const signIn = builtActions().find((a) => a.name === "signInAction")!;
  const roros = await createE2eUser("admin");
  const attempt = await callAction(request, signIn, "state", { email: roros.email, password: E2E_PASSWORD }, { origin: bOrigin, headers: { "x-forwarded-host": bHost } });
  expect(attempt.status()).toBeLessThan(500);
  expect(attempt.headers()["set-cookie"] ?? "").not.toContain(SESSION_COOKIE);
  const sessions = await owner((c) => c.query(`SELECT 1 FROM sessions WHERE user_id = $1`, [roros.id]));
  expect(sessions.rowCount).toBe(0);
});
