// next-auth for single sign-on through a generic OpenID Connect provider (Entra ID, ID-porten via
// a broker, …), configured only by OIDC_* variables. An SSO user gets in only if an admin has
// created that e-mail and it is active. The session cookie is the same as for password sign-in.
import "server-only";
import type { NextAuthOptions } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { db } from "../db";
import { recordAudit } from "../audit";
import { createSessionRow } from "./session-token";
import { authSecret, secureCookies, sessionCookieName, sessionMaxAgeSeconds } from "./settings";

export const OIDC_PROVIDER_ID = "oidc";

export function oidcConfigured(): boolean {
  return Boolean(process.env.OIDC_ISSUER && process.env.OIDC_CLIENT_ID && process.env.OIDC_CLIENT_SECRET);
}

/** The name shown on the SSO button (OIDC_NAME, e.g. "Entra ID"). */
export const oidcName = () => process.env.OIDC_NAME ?? "SSO";

type OidcProfile = { sub: string; email?: string; name?: string };

function oidcProvider(): OAuthConfig<OidcProfile> {
  const issuer = process.env.OIDC_ISSUER!.replace(/\/$/, "");
  return {
    id: OIDC_PROVIDER_ID,
    name: oidcName(),
    type: "oauth",
    wellKnown: `${issuer}/.well-known/openid-configuration`,
    clientId: process.env.OIDC_CLIENT_ID,
    clientSecret: process.env.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: process.env.OIDC_SCOPE ?? "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    profile: (p) => ({ id: p.sub, email: p.email?.toLowerCase() ?? null, name: p.name ?? p.email ?? p.sub }),
  };
}

/** The user an SSO e-mail may sign in as: created by an admin and active; otherwise null. */
export async function ssoUser(email: string | null | undefined) {
  if (!email) return null;
  const user = await db.user.findFirst({ where: { email: email.trim().toLowerCase() } });
  return user?.active ? user : null;
}

/** Options for one request; `ip` goes into the audit log. */
export function authOptions(ip: string): NextAuthOptions {
  return {
    secret: authSecret(),
    useSecureCookies: secureCookies(),
    session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds() },
    cookies: {
      sessionToken: { name: sessionCookieName(), options: { httpOnly: true, sameSite: "lax", path: "/", secure: secureCookies() } },
    },
    providers: oidcConfigured() ? [oidcProvider()] : [],
    pages: { signIn: "/login", error: "/login" },
    callbacks: {
      async signIn({ user }) {
        const email = user.email?.toLowerCase() ?? "";
        const allowed = await ssoUser(email);
        if (!allowed) {
          await recordAudit(db, { type: "auth.sign_in_failed", actorId: null, email, ip, method: "oidc" });
          return "/login?error=sso_denied";
        }
        return true;
      },
      async jwt({ token, user, account }) {
        if (!account || !user) return token;
        return db.$transaction(async (tx) => {
          const row = await tx.user.findFirstOrThrow({ where: { email: user.email!.toLowerCase() } });
          const { claims } = await createSessionRow(tx, row, "oidc", sessionMaxAgeSeconds());
          await tx.user.update({ where: { id: row.id }, data: { lastSignInAt: new Date() } });
          await recordAudit(tx, { type: "auth.sign_in_succeeded", actorId: row.id, email: row.email, ip, method: "oidc" });
          return claims;
        });
      },
    },
  };
}
