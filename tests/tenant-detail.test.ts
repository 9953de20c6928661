// The operator's /operator/<id> page reads its tenant through getTenantDetail with the URL's raw
// segment: an id that is no tenant's, or no id at all, is the page's 404, never an error or another tenant.
import { describe, expect, it } from "vitest";
import { getTenantDetail } from "../lib/tenants/queries";

const NOT_FOUND = { digest: "NEXT_HTTP_ERROR_FALLBACK;404" };

describe("the operator's tenant page", () => {
  it("finds the tenant of a plain id", async () => {
    expect(await getTenantDetail("1")).toMatchObject({ id: 1, hosts: expect.any(Array) });
  });

  it("answers 404 for an id that is no tenant's", async () => {
    for (const raw of ["999999", "2147483647"]) await expect(getTenantDetail(raw), raw).rejects.toMatchObject(NOT_FOUND);
  });

  it("answers 404 for a non-numeric, huge, NUL-containing or non-canonical id", async () => {
    const ids = ["abc", "", "0", "-1", "1.5", "1e0", "0x1", "+1", " 1", "1 ", "01", "2147483648", "99999999999999999999", "1\u0000", "\u00001", "1%00"];
    for (const raw of ids) await expect(getTenantDetail(raw), JSON.stringify(raw)).rejects.toMatchObject(NOT_FOUND);
  });
});
