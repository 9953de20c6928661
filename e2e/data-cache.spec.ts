// Next.js's data cache (unstable_cache, behind every innsyn page and the public API) must not
// grow on disk with every distinct query or plan id a visitor asks for: it is kept in memory,
// bounded (next.config.js, decision 041).
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { projectRoot } from "../scripts/db/schema-engine";

const fetchCache = path.join(projectRoot, ".next", "cache", "fetch-cache");
const filesIn = (dir: string): number => (fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).length : 0);

test.setTimeout(300_000);

test("120 distinct innsyn queries and unknown plan ids leave no new files in the data cache", async ({ request }) => {
  const before = filesIn(fetchCache);
  const stamp = Date.now().toString(36);
  for (let i = 0; i < 60; i++) {
    const search = await request.get(`/innsyn?q=${stamp}-${i}`);
    expect(search.status()).toBe(200);
    const missing = await request.get(`/innsyn/plans/${9_000_000 + i}`);
    expect(missing.status()).toBe(404);
  }
  // The pages were answered from the data cache's code path: a repeated query is still 200.
  expect((await request.get(`/innsyn?q=${stamp}-0`)).status()).toBe(200);
  expect(filesIn(fetchCache) - before).toBeLessThanOrEqual(0);
});
