// The API at the register's design size: 10,000 plans in a database of their own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFreshDatabase } from "../scripts/db/fresh";
import { deployMigrations } from "../scripts/db/migrations";
import { loadData } from "../scripts/db/load-data";
import { urlFromPgConfig } from "../scripts/db/connection";
import { seedSynthetic } from "../scripts/db/synthetic";
import { createPrismaClient } from "../lib/prisma-client";
import type { PrismaClient } from "../lib/generated/prisma/client";
import type { DbTarget } from "../scripts/db/target";
import { hashToken, newSecretToken } from "../lib/auth/secret-token";
import { openApiDocument } from "../lib/api/openapi";
import { callApi } from "./support/api";
import { responseChecker } from "./support/openapi";

let target: DbTarget;
let client: PrismaClient;
let token: string;
const check = responseChecker(openApiDocument());

beforeAll(async () => {
  target = await createFreshDatabase("planregister_test_api");
  await deployMigrations(target.config, target.shadow);
  const url = urlFromPgConfig(target.config);
  await loadData(url, { demo: false });
  await seedSynthetic(url, { plans: 10_000 });
  client = createPrismaClient(url, { max: 2 });
  const user = await client.user.create({ data: { email: "api-reader@test.planregister.no", name: "API-leser", role: "viewer" } });
  token = `prt_${newSecretToken().token}`;
  await client.apiToken.create({ data: { userId: user.id, name: "Alle planer", tokenHash: hashToken(token) } });
}, 600_000);

afterAll(async () => {
  await client?.$disconnect();
  await target?.close();
});

/** Follows nextCursor from the first page to the last; every page is checked against the document. */
async function walk(query: string, withToken: boolean) {
  const ids: number[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const path: string = `/plans?${query}&limit=200${cursor ? `&cursor=${cursor}` : ""}`;
    const { response, template } = await callApi(path, { client, ...(withToken ? { token } : {}) });
    expect(response.status, path).toBe(200);
    const body = (await check(template, response)) as { items: { id: number }[]; nextCursor: string | null };
    ids.push(...body.items.map((p) => p.id));
    cursor = body.nextCursor;
    pages++;
  } while (cursor && pages < 200);
  return { ids, pages };
}

describe("the API at 10,000 plans", () => {
  it("a token holder gets every plan once, page by page with the cursor, in any sort order", async () => {
    const all = await client.plan.count({ where: { archivedAt: null } });
    expect(all).toBeGreaterThan(9_000);
    for (const query of ["sort=title", "sort=revisionDueOn&dir=desc", "sort=status"]) {
      const { ids, pages } = await walk(query, true);
      expect(new Set(ids).size, query).toBe(ids.length);
      expect(ids.length, query).toBe(all);
      expect(pages, query).toBe(Math.ceil(all / 200));
    }
  }, 300_000);

  it("the public gets every public plan once", async () => {
    const publicCount = await client.plan.count({
      where: { archivedAt: null, OR: [{ status: { in: ["vedtatt", "under_revisjon"] } }, { status: { in: ["planlagt", "under_utarbeidelse"] }, publicDraft: true }] },
    });
    const { ids } = await walk("sort=adoptedOn", false);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(publicCount);
  });

  it("an unchanged page answers 304, a changed one 200 with a new ETag", async () => {
    const path = "/plans?sort=title&limit=50";
    const first = (await callApi(path, { client, token })).response;
    const etag = first.headers.get("etag")!;
    expect((await callApi(path, { client, token, ifNoneMatch: etag })).response.status).toBe(304);
    const body = (await first.json()) as { items: { id: number }[] };
    await client.plan.update({ where: { id: body.items[0]!.id }, data: { summary: "Endret" } });
    const changed = (await callApi(path, { client, token, ifNoneMatch: etag })).response;
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
  });
});
