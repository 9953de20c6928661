// A real OpenID Connect identity provider for the e2e run (panva's oidc-provider, the certified
// implementation), on localhost. Its development login form accepts any login; we use the
// e-mail as the account id, so the test chooses who signs in.
import Provider from "oidc-provider";

export type TestIdp = { issuer: string; clientId: string; clientSecret: string; close: () => Promise<void> };

/** `appBaseUrls`: every address the app answers on (each municipality's host has its own callback). */
export async function startTestIdp(port: number, appBaseUrls: string[]): Promise<TestIdp> {
  const issuer = `http://localhost:${port}`;
  const clientId = "planregister-e2e";
  const clientSecret = "e2e-client-secret-not-for-production-0123456789";
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: appBaseUrls.map((base) => `${base}/api/auth/callback/oidc`), grant_types: ["authorization_code"], response_types: ["code"] }],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    findAccount: async (_ctx, id) => ({
      accountId: id,
      claims: async () => ({ sub: id, email: id, email_verified: true, name: `SSO ${id}` }),
    }),
    features: { devInteractions: { enabled: true } },
    // Put the requested claims (e-mail) in the ID token, as Entra ID does: the app reads the ID token.
    conformIdTokenClaims: false,
  });
  const server = provider.listen(port);
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  return { issuer, clientId, clientSecret, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
