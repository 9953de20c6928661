// Every page, route handler and server action of the production build × every kind of
// principal, against the permission table: 0 mismatches. Routes and actions are read from the
// build's manifests, so a new one without an entry below fails this test.
import { expect, test, type APIRequestContext } from "@playwright/test";
import type { Permission } from "../lib/permissions";
import { can } from "../lib/permissions";
import { builtActions, builtRoutes } from "./support/build-manifest";
import { callAction, resultCode, type ActionShape } from "./support/actions";
import { createE2eUser, e2eDb, sessionCookieFor, SESSION_COOKIE } from "./support/db";

// "token": a personal API token is the only credential; without one, 401 for every principal.
type Access = Permission | "public" | "token";

/** What each page and route handler requires. */
const routeAccess: Record<string, Access> = {
  "/": "plan.read",
  "/plans": "plan.read",
  "/plans/[id]": "plan.read",
  "/plans/new": "plan.write",
  "/plans/[id]/edit": "plan.write",
  "/plans/export": "plan.read",
  "/plans/import": "plan.write",
  "/plans/import/upload": "plan.write",
  "/plans/import/template": "plan.write",
  "/plans/import/example": "plan.write",
  "/plans/import/[id]": "plan.write",
  "/plans/import/[id]/preview": "plan.write",
  "/schedule": "plan.read",
  "/schedule/download": "plan.read",
  "/schedule/document": "plan.read",
  "/periods": "plan.read",
  "/periods/new": "plan.write",
  "/periods/[id]": "plan.read",
  "/periods/[id]/edit": "plan.write",
  "/periods/[id]/download": "plan.read",
  "/periods/[id]/document": "plan.read",
  "/sdg": "plan.read",
  "/sdg/[goal]": "plan.read",
  "/sdg/download": "plan.read",
  "/account": "account.self",
  // The secret link is the credential: an unknown token is a 404 for everyone.
  "/api/calendar/[token]": "public",
  "/admin/users": "user.manage",
  "/admin/users/new": "user.manage",
  "/admin/users/[id]": "user.manage",
  "/admin/settings": "settings.manage",
  "/admin/mail": "mail.manage",
  // The platform operator's pages; on a municipality's host (as here) every role is refused.
  "/operator": "tenant.manage",
  "/operator/new": "tenant.manage",
  "/operator/[id]": "tenant.manage",
  // Unsubscribe links from mail: the signed token is the credential; an unknown one says so.
  "/unsubscribe/[token]": "public",
  "/api/unsubscribe/[token]": "public",
  "/login": "public",
  "/set-password/[token]": "public",
  "/api/auth/[...nextauth]": "public",
  // Liveness and readiness for load balancers: they say only "ok" or "unavailable".
  "/api/health": "public",
  "/api/health/ready": "public",
  "/_not-found": "public",
  // Innsyn and the read API are public (when innsyn is on, as in the e2e data); a token is checked by the handler.
  "/innsyn": "public",
  "/innsyn/plans/[id]": "public",
  "/innsyn/schedule": "public",
  "/innsyn/strategy": "public",
  "/innsyn/sdg": "public",
  "/innsyn/accessibility": "public",
  "/innsyn/consultations": "public",
  "/innsyn/plans.csv": "public",
  "/innsyn/plans.json": "public",
  "/sitemap.xml": "public",
  "/robots.txt": "public",
  "/api/v1/plans": "public",
  "/api/v1/plans/[id]": "public",
  "/api/v1/schedule": "public",
  "/api/v1/periods": "public",
  "/api/v1/periods/[id]": "public",
  "/api/v1/sdg/goals": "public",
  "/api/v1/openapi.json": "public",
  "/api/docs": "public",
  // Sends a form of the reference on to the API's URL (without one, back to /api/docs); the API checks the token.
  "/api/docs/try": "public",
  // The county governor's office (decision 053): on its own host only; a municipality's users are refused.
  "/county": "county.read",
  "/county/[kommunenummer]": "county.read",
  "/county/download": "county.read",
  "/api/v1/county": "token",
};

/** What each server action requires, and how it is called. */
const actionAccess: Record<string, { access: Access; shape: ActionShape }> = {
  "lib/i18n/actions.ts#setLocaleAction": { access: "public", shape: "form" },
  "lib/auth/actions.ts#signInAction": { access: "public", shape: "state" },
  "lib/auth/actions.ts#setPasswordAction": { access: "public", shape: "state" },
  "lib/auth/actions.ts#signOutAction": { access: "public", shape: "form" },
  "lib/auth/actions.ts#changePasswordAction": { access: "account.self", shape: "state" },
  "lib/plans/actions.ts#createPlanAction": { access: "plan.write", shape: "state" },
  "lib/plans/actions.ts#updatePlanAction": { access: "plan.write", shape: "state" },
  "lib/plans/actions.ts#archivePlanAction": { access: "plan.write", shape: "state" },
  "lib/plans/actions.ts#restorePlanAction": { access: "plan.write", shape: "state" },
  "lib/plans/actions.ts#recordDecisionAction": { access: "plan.write", shape: "state" },
  "lib/import/actions.ts#previewImportAction": { access: "plan.write", shape: "state" },
  "lib/import/actions.ts#applyImportAction": { access: "plan.write", shape: "state" },
  "lib/plans/actions.ts#removeDecisionAction": { access: "plan.write", shape: "state" },
  "lib/periods/actions.ts#createPeriodAction": { access: "plan.write", shape: "state" },
  "lib/periods/actions.ts#updatePeriodAction": { access: "plan.write", shape: "state" },
  "lib/periods/actions.ts#deletePeriodAction": { access: "plan.write", shape: "state" },
  "lib/periods/draft/actions.ts#updateDraftItemAction": { access: "plan.write", shape: "state" },
  "lib/periods/draft/actions.ts#bulkUpdateDraftAction": { access: "plan.write", shape: "state" },
  "lib/periods/draft/actions.ts#addDraftPlanAction": { access: "plan.write", shape: "state" },
  "lib/periods/draft/actions.ts#removeDraftPlanAction": { access: "plan.write", shape: "state" },
  "lib/periods/draft/actions.ts#publishDraftAction": { access: "plan.write", shape: "state" },
  "lib/periods/draft/actions.ts#adoptDraftAction": { access: "plan.write", shape: "state" },
  "lib/calendar/actions.ts#renewCalendarLinkAction": { access: "account.self", shape: "state" },
  "lib/calendar/actions.ts#revokeCalendarLinkAction": { access: "account.self", shape: "state" },
  "lib/api-tokens/actions.ts#createApiTokenAction": { access: "account.self", shape: "state" },
  "lib/api-tokens/actions.ts#revokeApiTokenAction": { access: "account.self", shape: "state" },
  "lib/users/actions.ts#createUserAction": { access: "user.manage", shape: "state" },
  "lib/users/actions.ts#changeRoleAction": { access: "user.manage", shape: "state" },
  "lib/users/actions.ts#deactivateUserAction": { access: "user.manage", shape: "state" },
  "lib/users/actions.ts#reactivateUserAction": { access: "user.manage", shape: "state" },
  "lib/users/actions.ts#resetPasswordAction": { access: "user.manage", shape: "state" },
  "lib/settings-actions.ts#updateSettingsAction": { access: "settings.manage", shape: "state" },
  "lib/mail/actions.ts#updateMailPreferencesAction": { access: "account.self", shape: "state" },
  "lib/mail/actions.ts#sendTestMailAction": { access: "mail.manage", shape: "state" },
  "lib/mail/actions.ts#unsubscribeAction": { access: "public", shape: "state" },
  "lib/tenants/actions.ts#createTenantAction": { access: "tenant.manage", shape: "state" },
  "lib/tenants/actions.ts#addHostAction": { access: "tenant.manage", shape: "state" },
  "lib/tenants/actions.ts#removeHostAction": { access: "tenant.manage", shape: "state" },
};

type Principal = { name: string; role: "viewer" | "editor" | "admin" | null; cookie?: string };
type Outcome = "allowed" | "sign-in" | "forbidden";

function expected(access: Access, principal: Principal): Outcome {
  if (access === "public") return "allowed";
  if (access === "token") return "sign-in";
  if (!principal.role) return "sign-in";
  return can(principal.role, access) ? "allowed" : "forbidden";
}

async function principals(): Promise<Principal[]> {
  const out: Principal[] = [{ name: "signed out", role: null }, { name: "forged cookie", role: null, cookie: "forged.value.that.is.not.a.jwt" }];
  for (const role of ["viewer", "editor", "admin"] as const) {
    const user = await createE2eUser(role);
    out.push({ name: role, role, cookie: await sessionCookieFor(user) });
  }
  const deactivated = await createE2eUser("admin");
  const cookie = await sessionCookieFor(deactivated);
  await e2eDb().user.update({ where: { id: deactivated.id }, data: { active: false } });
  out.push({ name: "deactivated admin", role: null, cookie });
  return out;
}

async function pageOutcome(request: APIRequestContext, url: string, principal: Principal): Promise<Outcome | string> {
  const headers: Record<string, string> = principal.cookie ? { cookie: `${SESSION_COOKIE}=${principal.cookie}` } : {};
  const response = await request.get(url, { headers, maxRedirects: 0, failOnStatusCode: false });
  const location = response.headers()["location"] ?? "";
  if (response.status() >= 300 && response.status() < 400) return location.startsWith("/login") || location.includes("/login?") ? "sign-in" : "allowed";
  if (response.status() === 403) return "forbidden";
  // A route handler (e.g. a download) answers 401 where a page would send to sign-in.
  if (response.status() === 401) return "sign-in";
  if (response.status() === 200 || response.status() === 404) return "allowed";
  return `status ${response.status()}`;
}

test("every page, route handler and server action refuses or allows exactly as the permission table says", async ({ request }) => {
  test.setTimeout(180_000);
  const routes = builtRoutes();
  const actions = builtActions();
  expect(routes.map((r) => r.route).filter((r) => !(r in routeAccess)), "routes without a matrix entry").toEqual([]);
  expect(actions.map((a) => `${a.file}#${a.name}`).filter((k) => !(k in actionAccess)), "server actions without a matrix entry").toEqual([]);

  const plan = await e2eDb().plan.findFirstOrThrow();
  const someUser = await e2eDb().user.findFirstOrThrow();
  const period = await e2eDb().strategyPeriod.findFirstOrThrow();
  const idFor = (route: string) => (route.startsWith("/admin") ? someUser.id : route.startsWith("/periods") ? period.id : plan.id);
  const fill = (route: string) =>
    route.replace("[id]", String(idFor(route))).replace("[goal]", "11").replace("[kommunenummer]", "5026").replace("[token]", "no-such-token").replace("[...nextauth]", "providers");

  const all = await principals();
  const mismatches: string[] = [];
  let checked = 0;
  for (const principal of all) {
    for (const { route } of routes) {
      const url = route === "/_not-found" ? "/no-such-page" : fill(route);
      const got = await pageOutcome(request, url, principal);
      // Unknown URLs are no secret, but the proxy sends visitors without any session cookie to sign-in first.
      const want = route === "/_not-found" && !principal.cookie ? "sign-in" : expected(routeAccess[route]!, principal);
      checked++;
      if (got !== want) mismatches.push(`${principal.name} GET ${url}: expected ${want}, got ${got}`);
    }
    // Sign-out last: it ends the principal's session.
    const ordered = [...actions].sort((a, b) => Number(a.name === "signOutAction") - Number(b.name === "signOutAction"));
    for (const action of ordered) {
      const { access, shape } = actionAccess[`${action.file}#${action.name}`]!;
      const response = await callAction(request, action, shape, {}, { cookie: principal.cookie });
      const code = resultCode(await response.text());
      const got: Outcome | string =
        code === "unauthorized" ? "sign-in" : code === "forbidden" ? "forbidden" : response.status() < 500 ? "allowed" : `status ${response.status()}`;
      const want = expected(access, principal);
      checked++;
      if (got !== want) mismatches.push(`${principal.name} ${action.name}: expected ${want}, got ${got}`);
    }
  }
  console.log(`authorization matrix: ${checked} checks, ${mismatches.length} mismatches`);
  expect(mismatches).toEqual([]);
});
