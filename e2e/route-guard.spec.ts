// The signed-in downloads behind authedRoute (lib/route.ts): every refusal is problem+json with
// its status and no detail of the server; a path that names no record is 404, not 500 or 400.
import { test, expect } from "./fixtures";

test("the download routes refuse as problem+json: a viewer is forbidden the import template, and a period id that names nothing is 404", async ({ page, loginAs }) => {
  await loginAs("viewer");
  const get = (url: string) => page.request.get(url, { maxRedirects: 0, failOnStatusCode: false });
  const forbidden = await get("/plans/import/template");
  expect(forbidden.status()).toBe(403);
  expect(forbidden.headers()["content-type"]).toBe("application/problem+json");
  expect(await forbidden.json()).toMatchObject({ status: 403, title: "Forbidden" });
  for (const url of ["/periods/abc/download", "/periods/2147483648/document?format=xlsx", "/periods/2147483647/document?draft=1", "/periods/2147483647/download"]) {
    const response = await get(url);
    expect(response.status(), url).toBe(404);
    expect(response.headers()["content-type"], url).toBe("application/problem+json");
  }
  // A download the viewer may have still works: without a format (CSV), and with repeated and unknown parameters ignored as on the page.
  const csv = await get("/plans/export?type=nope&unknown=1&q=zz-no-such-plan");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toMatch(/^text\/csv/);
  const xlsx = await get("/plans/export?format=xlsx&format=csv&q=zz-no-such-plan");
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()["content-type"]).toMatch(/spreadsheetml/);
});
