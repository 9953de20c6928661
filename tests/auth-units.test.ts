import { safeNext } from "../lib/auth/safe-next";
import { describe, expect, it } from "vitest";
import { clientAddress } from "../lib/auth/client-address";
import { isWeakPassword } from "../lib/auth/password-policy";
import { can, permissions, roles } from "../lib/permissions";
import { changePasswordSchema } from "../lib/auth/schema";
import { contentSecurityPolicy } from "../lib/security-headers";

describe("permissions", () => {
  it("viewers read, editors write plans, only admins manage users", () => {
    expect(roles.filter((r) => can(r, "plan.read"))).toEqual(["viewer", "editor", "admin"]);
    expect(roles.filter((r) => can(r, "plan.write"))).toEqual(["editor", "admin"]);
    expect(roles.filter((r) => can(r, "user.manage"))).toEqual(["admin"]);
    expect(Object.keys(permissions).sort()).toEqual(["account.self", "plan.read", "plan.write", "user.manage"]);
  });
});

describe("client address", () => {
  it("takes the entry the nearest trusted proxy appended", () => {
    expect(clientAddress("203.0.113.5")).toBe("203.0.113.5");
    expect(clientAddress("1.2.3.4, 203.0.113.5", 0)).toBe("203.0.113.5");
    expect(clientAddress("spoofed, 198.51.100.7, 10.0.0.2", 2)).toBe("198.51.100.7");
    expect(clientAddress(null)).toBe("unknown");
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
});
