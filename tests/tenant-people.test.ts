// People across tenants (decisions 052, 055, 056): the operator's place in the permission table,
// the address the edge passes on for next-auth and links, and links to another tenant's host.
import { describe, expect, it } from "vitest";
import { can, permissions, type Permission } from "../lib/permissions";
import { requestAuthority } from "../lib/http/tenant-host";
import { tenantUrl, commandLineBase } from "../lib/tenants/links";
import { cookiesNeedHttps } from "../lib/auth/secure-context";
import { tenantCreateSchema } from "../lib/tenants/schema";

describe("the operator in the permission table", () => {
  it("has tenant.manage and nothing of a municipality's register; nobody else has tenant.manage", () => {
    for (const p of Object.keys(permissions) as Permission[]) expect(can("operator", p), p).toBe(p === "tenant.manage");
    for (const role of ["viewer", "editor", "admin", "statsforvalter"] as const) expect(can(role, "tenant.manage")).toBe(false);
  });
});

describe("the request's own address", () => {
  it("keeps the port, trusts X-Forwarded-Host only from a trusted proxy, and refuses malformed ones", () => {
    expect(requestAuthority("Drift.Localhost:3000", undefined, 0)).toBe("drift.localhost:3000");
    expect(requestAuthority("drift.localhost:3000", "evil.example.org", 0)).toBe("drift.localhost:3000");
    expect(requestAuthority("intern:3000", "forged.example.org, planer.roros.kommune.no", 1)).toBe("planer.roros.kommune.no");
    for (const bad of ["a b", "x.no:99999", "evil.example/x", ""]) expect(requestAuthority(bad, undefined, 0)).toBeNull();
  });

  it("a link to another tenant has this request's scheme and port, and that tenant's host", () => {
    expect(tenantUrl("http://drift.localhost:3000", "holtalen.localhost", "/set-password/abc")).toBe("http://holtalen.localhost:3000/set-password/abc");
    expect(tenantUrl("https://drift.planregister.no", "planer.holtalen.kommune.no", "/")).toBe("https://planer.holtalen.kommune.no/");
    expect(commandLineBase("holtalen.localhost", { PORT: "3410" })).toBe("http://holtalen.localhost:3410");
    expect(commandLineBase("planer.holtalen.kommune.no", {})).toBe("https://planer.holtalen.kommune.no");
  });

  it("*.localhost counts as this machine for secure cookies over http", () => {
    const headers = (host: string) => new Headers({ host, "x-planregister-client-protocol": "http" });
    expect(cookiesNeedHttps(headers("drift.localhost:3000"), true)).toBe(false);
    expect(cookiesNeedHttps(headers("planer.kommune.no"), true)).toBe(true);
  });
});

describe("a new tenant's input", () => {
  const base = { kind: "municipality", kommunenummer: "5026", name: "Holtålen kommune", countyNumber: "50", countyName: "Trøndelag", hosts: "planer.holtalen.kommune.no, holtalen.localhost", adminName: "IT", adminEmail: "IT@Holtalen.kommune.no" };
  it("splits and lower-cases host names, and gives each kind what it needs", () => {
    const parsed = tenantCreateSchema.parse(base);
    expect(parsed).toMatchObject({ hosts: ["planer.holtalen.kommune.no", "holtalen.localhost"], adminEmail: "it@holtalen.kommune.no", kommunenummer: "5026" });
    expect(tenantCreateSchema.parse({ ...base, kind: "platform", kommunenummer: "", countyNumber: "", countyName: "" })).toMatchObject({ kommunenummer: null, countyNumber: "00", countyName: "" });
  });
  it("puts each problem on its field", () => {
    const result = tenantCreateSchema.safeParse({ ...base, kind: "county", hosts: "a.localhost a.localhost", adminEmail: "x" });
    const fields = result.success ? [] : result.error.issues.map((i) => `${String(i.path[0])}:${i.message.startsWith("validation.") ? i.message : i.code}`);
    expect(fields.sort()).toEqual(["adminEmail:invalid_format", "hosts:validation.hostsRepeated", "kommunenummer:validation.kommunenummerNotAllowed"]);
    const municipality = tenantCreateSchema.safeParse({ ...base, kommunenummer: "50x6", countyNumber: "5" });
    expect(municipality.success ? [] : municipality.error.issues.map((i) => i.path[0]).sort()).toEqual(["countyNumber", "kommunenummer"]);
  });
});
