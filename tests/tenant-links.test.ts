// Links go to the municipality's own host (decision 058), and files carry its name.
import { describe, expect, it } from "vitest";
import { tenantBaseUrl } from "../lib/base-url";
import { fileSlug } from "../lib/tenant-files";

// A client whose tenant has these hosts (primary first, as the query orders them).
const withHosts = (hosts: string[]) => ({ $queryRaw: (async () => hosts.map((host) => ({ host }))) as never });
const env = (url?: string) => ({ NEXTAUTH_URL: url }) as NodeJS.ProcessEnv;
const guess = () => "http://request.example";

describe("a tenant's base URL", () => {
  it("keeps the configured address when its host is the tenant's, or the tenant has none", async () => {
    expect(await tenantBaseUrl(withHosts(["planer.roros.kommune.no", "roros.localhost"]), guess, env("https://planer.roros.kommune.no/"))).toBe("https://planer.roros.kommune.no");
    expect(await tenantBaseUrl(withHosts(["roros.localhost", "localhost"]), guess, env("http://localhost:3000"))).toBe("http://localhost:3000");
    expect(await tenantBaseUrl(withHosts([]), guess, env("https://planer.kommune.no"))).toBe("https://planer.kommune.no");
  });

  it("puts another municipality's primary host into the configured address, keeping scheme and port", async () => {
    expect(await tenantBaseUrl(withHosts(["planer.holtalen.kommune.no", "alias.holtalen.no"]), guess, env("https://planer.roros.kommune.no"))).toBe("https://planer.holtalen.kommune.no");
    expect(await tenantBaseUrl(withHosts(["b.localhost"]), guess, env("http://localhost:3510"))).toBe("http://b.localhost:3510");
  });

  it("without a configured address: the tenant's host, else the request's", async () => {
    expect(await tenantBaseUrl(withHosts(["planer.holtalen.kommune.no"]), guess, env())).toBe("http://planer.holtalen.kommune.no");
    expect(await tenantBaseUrl(withHosts([]), guess, env())).toBe("http://request.example");
  });
});

describe("file names", () => {
  it("carry the municipality's name in ASCII", () => {
    expect(fileSlug("Røros kommune")).toBe("roros-kommune");
    expect(fileSlug("Ærlige Åfjord kommune")).toBe("aerlige-afjord-kommune");
    expect(fileSlug("Guovdageaidnu – Kautokeino")).toBe("guovdageaidnu-kautokeino");
    expect(fileSlug("  ")).toBe("");
  });
});
