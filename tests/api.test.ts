import { beforeAll, describe, expect, it } from "vitest";
import { Validator } from "@seriousme/openapi-schema-validator";
import { db } from "../lib/db";
import { openApiDocument } from "../lib/api/openapi";
import { PUBLIC_PLAN_DETAIL_FIELDS, PUBLIC_PLAN_FIELDS, PUBLIC_PERIOD_FIELDS } from "../lib/public/fields";
import { createApiToken, revokeApiToken } from "../lib/api-tokens/mutations";
import { createPlan, unique } from "./support/factories";
import { createUser } from "./support/users";
import { callApi, freshAddress } from "./support/api";
import { responseChecker } from "./support/openapi";
import { startOfRateWindowIfNeeded } from "../e2e/support/rate-window";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
let check: ReturnType<typeof responseChecker>;

/** GET through the pipeline, checked against the document; returns status, headers and body. */
async function get(path: string, options: Parameters<typeof callApi>[1] = {}) {
  const { response, template } = await callApi(path, options);
  const headers = response.headers;
  const body = (await check(template, response)) as Record<string, unknown> | null;
  return { status: response.status, headers, body };
}

beforeAll(() => {
  check = responseChecker(openApiDocument());
});

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1 by an independent validator", async () => {
    const validator = new Validator();
    const result = await validator.validate(openApiDocument() as unknown as Parameters<Validator["validate"]>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });
});

describe("public reads (no token, innsyn on)", () => {
  it("list only public plans, with exactly the allow-listed fields and nothing of owners or drafts", async () => {
    const tag = unique("Innsyn").replace(" ", "-");
    const owner = await createUser("editor");
    const adopted = await createPlan({ title: `${tag} vedtatt`, status: "vedtatt", adoptedOn: day("2020-01-01"), adoptedBy: "kommunestyret", ownerId: owner.id, revisionDueOn: day("2030-01-01") });
    const revising = await createPlan({ title: `${tag} revisjon`, status: "under_revisjon", adoptedOn: day("2019-01-01"), adoptedBy: "kommunestyret", ownerId: owner.id });
    const publicDraft = await createPlan({ title: `${tag} utkast offentlig`, status: "under_utarbeidelse", publicDraft: true, ownerId: owner.id });
    await createPlan({ title: `${tag} utkast`, status: "planlagt", ownerId: owner.id });
    await createPlan({ title: `${tag} arkivert`, status: "vedtatt", archivedAt: new Date(), adoptedOn: day("2020-01-01"), adoptedBy: "kommunestyret" });
    await createPlan({ title: `${tag} opphevet`, status: "opphevet" });

    const { status, body, headers } = await get(`/plans?q=${encodeURIComponent(tag)}`);
    expect(status).toBe(200);
    expect(headers.get("access-control-allow-origin")).toBe("*");
    const items = body!.items as Record<string, unknown>[];
    expect(items.map((p) => p.id).sort()).toEqual([adopted.id, revising.id, publicDraft.id].sort());
    for (const item of items) expect(Object.keys(item).sort()).toEqual([...PUBLIC_PLAN_FIELDS].sort());
    const text = JSON.stringify(body);
    expect(text).not.toContain(owner.email);
    expect(text).not.toContain(owner.name);

    const detail = await get(`/plans/${adopted.id}`);
    expect(Object.keys(detail.body!).sort()).toEqual([...PUBLIC_PLAN_DETAIL_FIELDS].sort());
    expect(JSON.stringify(detail.body)).not.toContain(owner.email);
  });

  it("answers 404 for a draft, an archived plan and an unknown id, as for anything not public", async () => {
    const draft = await createPlan({ status: "planlagt" });
    const archived = await createPlan({ status: "vedtatt", archivedAt: new Date(), adoptedOn: day("2020-01-01"), adoptedBy: "kommunestyret" });
    for (const id of [draft.id, archived.id, 2_000_000_000]) {
      const r = await get(`/plans/${id}`);
      expect(r.status).toBe(404);
      expect(r.headers.get("content-type")).toBe("application/problem+json");
    }
  });

  it("a relation to a plan the public may not see is left out", async () => {
    const hidden = await createPlan({ title: unique("Skjult"), status: "planlagt" });
    const shown = await createPlan({ status: "vedtatt", adoptedOn: day("2021-01-01"), adoptedBy: "kommunestyret" });
    await db.planRelation.create({ data: { fromPlanId: shown.id, toPlanId: hidden.id, kind: "supports" } });
    const r = await get(`/plans/${shown.id}`);
    expect(r.body!.relations).toEqual([]);
    expect(JSON.stringify(r.body)).not.toContain(hidden.title);
  });

  it("periods leave out the internal note and list only public plans in the planprogram", async () => {
    const note = unique("Intern merknad");
    const period = await db.strategyPeriod.create({ data: { name: unique("Planstrategi"), startYear: 2024, endYear: 2027, note } });
    const shown = await createPlan({ status: "vedtatt", adoptedOn: day("2021-01-01"), adoptedBy: "kommunestyret" });
    const hidden = await createPlan({ title: unique("Ny plan"), status: "planlagt" });
    const decisionNote = unique("Beslutningsnotat");
    await db.strategyDecision.create({ data: { periodId: period.id, planId: shown.id, decision: "revise", note: decisionNote } });
    await db.strategyDecision.create({ data: { periodId: period.id, planId: hidden.id, decision: "new" } });
    const r = await get(`/periods/${period.id}`);
    expect(r.status).toBe(200);
    const text = JSON.stringify(r.body);
    expect(text).not.toContain(note);
    expect(text).not.toContain(decisionNote);
    expect(text).not.toContain(hidden.title);
    expect((r.body!.program as { plan: { id: number } }[]).map((row) => row.plan.id)).toEqual([shown.id]);
    // The completion counts every decision: a count names no plan.
    expect((r.body!.completion as { overall: { total: number } }).overall.total).toBe(2);
    const list = await get("/periods");
    const mine = (list.body!.items as Record<string, unknown>[]).find((p) => p.id === period.id)!;
    expect(Object.keys(mine).sort()).toEqual([...PUBLIC_PERIOD_FIELDS].sort());
  });

  it("the schedule and the SDG goals answer as documented", async () => {
    const schedule = await get("/schedule?limit=5&due=soon");
    expect(schedule.status).toBe(200);
    const goals = await get("/sdg/goals");
    expect((goals.body!.items as unknown[]).length).toBe(17);
  });

  it("an unchanged page answers 304 to its ETag", async () => {
    const first = await get("/plans?limit=3&sort=revisionDueOn&dir=desc");
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^W\/"/);
    const again = await get("/plans?limit=3&sort=revisionDueOn&dir=desc", { ifNoneMatch: etag });
    expect(again.status).toBe(304);
    const other = await get("/plans?limit=4&sort=revisionDueOn&dir=desc", { ifNoneMatch: etag });
    expect(other.status).toBe(200);
  });

  it("with innsyn off, no token gets 401", async () => {
    const r = await get("/plans", { innsyn: false });
    expect(r.status).toBe(401);
    expect(r.headers.get("www-authenticate")).toMatch(/^Bearer/);
  });
});

describe("bad requests", () => {
  it("name the parameter in a 400", async () => {
    for (const [path, name] of [
      ["/plans?colour=red", "colour"], ["/plans?type=nope", "type"], ["/plans?limit=100000", "limit"], ["/plans?limit=abc", "limit"],
      [`/plans?q=${encodeURIComponent("a\u0000b")}`, "q"], ["/plans?cursor=not-a-cursor", "cursor"], ["/plans?goal=18", "goal"],
      ["/plans/abc", "id"], ["/plans/99999999999", "id"], ["/periods/1?size=3", "size"], ["/sdg/goals?x=1", "x"],
    ] as const) {
      const r = await get(path);
      expect(r.status, path).toBe(400);
      expect((r.body!.invalidParams as { name: string }[]).map((p) => p.name), path).toContain(name);
      expect(String(r.body!.detail), path).toContain(name);
    }
  });

  it("a cursor from another sort order is refused, not misread", async () => {
    const first = await get("/plans?limit=1&sort=title");
    const cursor = first.body!.nextCursor as string;
    expect(cursor).toBeTruthy();
    const r = await get(`/plans?limit=1&sort=adoptedOn&cursor=${cursor}`);
    expect(r.status).toBe(400);
  });

  it("200 random bad requests give 4xx (or 200), never 5xx", async () => {
    const rand = (n: number) => Math.floor(Math.random() * n);
    const nasty = ["\u0000", "%00", "'; DROP TABLE plans; --", "😀".repeat(300), "x".repeat(5000), "-1", "1e400", "NaN", "[]", "{}", "null", "true", " ", "2020-13-45", "../../etc/passwd", "\u202e", "a".repeat(201)];
    const names = ["q", "type", "status", "unit", "goal", "required", "due", "archived", "sort", "dir", "limit", "cursor", "period", "page", "x", "__proto__", "constructor"];
    const paths = ["/plans", "/schedule", "/periods", "/sdg/goals", "/plans/{x}", "/periods/{x}"];
    for (let i = 0; i < 200; i++) {
      const value = nasty[rand(nasty.length)]!;
      const search = new URLSearchParams();
      for (let k = 0; k <= rand(3); k++) search.append(names[rand(names.length)]!, nasty[rand(nasty.length)]!);
      const path = paths[rand(paths.length)]!.replace("{x}", encodeURIComponent(value));
      const { response } = await callApi(`${path}?${search}`, i % 5 === 0 ? { authorization: `Bearer ${encodeURIComponent(value).slice(0, 300)}` } : {});
      expect(response.status, `${path}?${search}`).toBeLessThan(500);
      expect(response.status, `${path}?${search}`).not.toBe(0);
    }
  });
});

describe("personal API tokens", () => {
  it("read what the owner may read; revoking or deactivating stops them at once; each step is audited", async () => {
    const user = await createUser("viewer");
    const tag = unique("Token").replace(" ", "-");
    const owner = await createUser("editor");
    const draft = await createPlan({ title: `${tag} utkast`, status: "planlagt", ownerId: owner.id });
    const archived = await createPlan({ title: `${tag} arkivert`, archivedAt: new Date() });
    const { id, token } = await createApiToken(user.id, { name: "Power BI", expiresOn: null });
    expect(token).toMatch(/^prt_[A-Za-z0-9_-]{43}$/);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).tokenHash).not.toContain(token);

    const list = await get(`/plans?q=${encodeURIComponent(tag)}&archived=true`, { token });
    expect(list.headers.get("cache-control")).toContain("private");
    const items = list.body!.items as { id: number; owner: { name: string } | null; archived: boolean }[];
    expect(items.map((p) => p.id).sort()).toEqual([draft.id, archived.id].sort());
    expect(items.find((p) => p.id === draft.id)!.owner!.name).toBe(owner.name);
    expect((await get(`/plans/${draft.id}`, { token })).status).toBe(200);
    // The public does not see either.
    expect((await get(`/plans/${draft.id}`)).status).toBe(404);

    await get("/plans?limit=1", { token });
    const audit = await db.auditEvent.findMany({ where: { entityType: "api_token", entityId: String(id) }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.type)).toEqual(["api_token.created", "api_token.first_used"]);
    expect(JSON.stringify(audit.map((a) => [a.before, a.after]))).not.toContain(token);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).not.toBeNull();

    expect(await revokeApiToken(user.id, id)).toBe(true);
    const revoked = await get("/plans?limit=1", { token });
    expect(revoked.status).toBe(401);
    expect(await db.auditEvent.count({ where: { entityType: "api_token", entityId: String(id), type: "api_token.revoked" } })).toBe(1);

    const second = await createApiToken(user.id, { name: "Arkiv", expiresOn: null });
    expect((await get("/plans?limit=1", { token: second.token })).status).toBe(200);
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    expect((await get("/plans?limit=1", { token: second.token })).status).toBe(401);
  });

  it("an expired, malformed or unknown token gets 401, even when innsyn is on", async () => {
    const user = await createUser("viewer");
    const { id, token } = await createApiToken(user.id, { name: "Kort", expiresOn: null });
    await db.apiToken.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    for (const authorization of [`Bearer ${token}`, "Bearer prt_" + "a".repeat(43), "Basic dXNlcjpwYXNz", "Bearer", ""]) {
      expect((await get("/plans?limit=1", { authorization })).status, authorization).toBe(401);
    }
  });

  it("cannot revoke someone else's token", async () => {
    const a = await createUser("viewer");
    const b = await createUser("viewer");
    const { id, token } = await createApiToken(a.id, { name: "A", expiresOn: null });
    expect(await revokeApiToken(b.id, id)).toBe(false);
    expect((await get("/plans?limit=1", { token })).status).toBe(200);
  });
});

describe("rate limits", () => {
  it("per client address and per token, counted in PostgreSQL: over the limit is 429 with Retry-After", async () => {
    const previous = { address: process.env.API_RATE_LIMIT, token: process.env.API_TOKEN_RATE_LIMIT };
    process.env.API_RATE_LIMIT = "3";
    process.env.API_TOKEN_RATE_LIMIT = "2";
    try {
      await startOfRateWindowIfNeeded(60, 20);
      const address = freshAddress();
      for (let i = 0; i < 3; i++) expect((await get("/sdg/goals", { address })).status).toBe(200);
      const refused = await get("/sdg/goals", { address });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      // Another address is not affected.
      expect((await get("/sdg/goals")).status).toBe(200);

      const user = await createUser("viewer");
      const { token } = await createApiToken(user.id, { name: "Rask", expiresOn: null });
      for (let i = 0; i < 2; i++) expect((await get("/sdg/goals", { token })).status).toBe(200);
      expect((await get("/sdg/goals", { token })).status).toBe(429);
    } finally {
      process.env.API_RATE_LIMIT = previous.address;
      process.env.API_TOKEN_RATE_LIMIT = previous.token;
      if (previous.address === undefined) delete process.env.API_RATE_LIMIT;
      if (previous.token === undefined) delete process.env.API_TOKEN_RATE_LIMIT;
    }
  });
});
