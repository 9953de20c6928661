import { safeNext } from "../lib/auth/safe-next";
import { describe, expect, it } from "vitest";
import { clientAddress, clientProtocol } from "../lib/http/client";
import { isWeakPassword } from "../lib/auth/password-policy";
import { can, permissions, roles } from "../lib/permissions";
import { changePasswordSchema } from "../lib/auth/schema";
import { contentSecurityPolicy } from "../lib/security-headers";

describe("permissions", () => {
  it("viewers read, editors write plans, only admins manage users", () => {
    expect(roles.filter((r) => can(r, "plan.read"))).toEqual(["viewer", "editor", "admin"]);
    expect(roles.filter((r) => can(r, "plan.write"))).toEqual(["editor", "admin"]);
    expect(roles.filter((r) => can(r, "user.manage"))).toEqual(["admin"]);
    expect(Object.keys(permissions).sort()).toEqual(["account.self", "county.read", "mail.manage", "plan.read", "plan.write", "settings.manage", "tenant.manage", "user.manage"]);
  });
  it("the county office's statsforvalter has the county view and their own account, nothing of a municipality's register", () => {
    const granted = (Object.keys(permissions) as (keyof typeof permissions)[]).filter((p) => can("statsforvalter", p));
    expect(granted.sort()).toEqual(["account.self", "county.read"]);
    expect(roles.filter((r) => can(r, "county.read"))).toEqual([]);
  });
});

describe("client address", () => {
  it("without a trusted proxy is the socket peer, whatever X-Forwarded-For says", () => {
    expect(clientAddress("::ffff:127.0.0.1", "192.0.2.55", 0)).toBe("127.0.0.1");
    expect(clientAddress("203.0.113.9", undefined, 0)).toBe("203.0.113.9");
    expect(clientAddress(undefined, "192.0.2.55", 0)).toBe("unknown");
  });
  it("behind N trusted proxies is the N-th X-Forwarded-For entry from the right", () => {
    expect(clientAddress("10.0.0.2", "1.2.3.4, 203.0.113.5", 1)).toBe("203.0.113.5");
    expect(clientAddress("10.0.0.3", "spoofed, 198.51.100.7, 10.0.0.2", 2)).toBe("198.51.100.7");
    expect(clientAddress("10.0.0.2", ["spoofed", "198.51.100.7"], 1)).toBe("198.51.100.7");
    expect(clientAddress("10.0.0.2", undefined, 1)).toBe("10.0.0.2");
    expect(clientAddress("10.0.0.2", "<script>\u0000", 1)).toBe("script");
  });
  it("reads the protocol from the socket, or from the nearest trusted proxy only", () => {
    expect(clientProtocol(false, "https", 0)).toBe("http");
    expect(clientProtocol(true, undefined, 0)).toBe("https");
    expect(clientProtocol(false, "http, https", 1)).toBe("https");
    expect(clientProtocol(false, "https, http", 1)).toBe("http");
  });
});

describe("password policy", () => {
  it("refuses short and common passwords, accepts long uncommon ones", () => {
    const check = (password: string) => changePasswordSchema.safeParse({ current: "x", password, confirm: password });
    expect(check("kortpassord").success).toBe(false); // 11 characters
    expect(isWeakPassword("passwordpassword")).toBe(true);
    expect(isWeakPassword("123456789012")).toBe(true);
    expect(check("Fjellvann-Kvikksølv-91").success).toBe(true);
    const mismatch = changePasswordSchema.safeParse({ current: "x", password: "Fjellvann-Kvikksølv-91", confirm: "Fjellvann-Kvikksølv-92" });
    expect(mismatch.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["confirm", "validation.passwordMismatch"]]);
  });
});

describe("content security policy", () => {
  it("allows scripts only with the request's nonce and forbids plugins, base and framing", () => {
    const csp = contentSecurityPolicy("abc123", false);
    const scriptSrc = csp.split("; ").find((d) => d.startsWith("script-src"));
    expect(scriptSrc).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
  });
});

describe("the page after sign-in", () => {
  it.each([["/plans?q=klima", "/plans?q=klima"], ["/periods/3#program", "/periods/3#program"], ["/", "/"], ["/schedule/../plans", "/plans"]])("keeps our own path %j", (next, want) => {
    expect(safeNext(next)).toBe(want);
  });
  it.each([undefined, null, "", "https://evil.example/", "//evil.example", "/\\evil.example", "/\t/evil.example", "/\n/evil.example", "\\\\evil.example", "javascript:alert(1)", "plans"])("refuses %j", (next) => {
    expect(safeNext(next)).toBe("/");
  });
  // The usual open-redirect bypasses, raw, encoded and double-encoded: whatever comes out must
  // stay on this site when a browser resolves it as a Location header.
  const bypasses = ["/..//evil.example/x", "/../..//evil.example", "/.%2e//evil.example", "/%2e%2e//evil.example", "//evil.example", "/\\evil.example", "\\/\\/evil.example", "/%2F%2Fevil.example", "%2F%2Fevil.example", "/%252F%252Fevil.example", "/%09/evil.example", "/\t/evil.example", "/%5C/evil.example", "/%5c%5cevil.example", "/x/..//evil.example", "/./\\evil.example", "///evil.example", "/\u0000//evil.example"];
  it.each(bypasses)("never leaves the site for %j", (next) => {
    const target = safeNext(next);
    expect(target).toMatch(/^\/(?![/\\])/);
    expect(new URL(target, "https://planer.kommune.example/login").origin).toBe("https://planer.kommune.example");
  });
  it("returns what it returns unchanged when asked again", () => {
    for (const next of bypasses) expect(safeNext(safeNext(next))).toBe(safeNext(next));
  });
});
