// Page guards: every page calls one of these itself (the proxy only redirects early).
import "server-only";
import { forbidden, redirect } from "next/navigation";
import { headers } from "next/headers";
import { can, type Permission } from "../permissions";
import { getCurrentUser, type CurrentUser } from "./session";

/** Where to come back to after signing in: the path the proxy saw, if it is ours. */
async function currentPath(): Promise<string> {
  const path = (await headers()).get("x-planregister-path") ?? "/";
  return path.startsWith("/") && !path.startsWith("//") ? path : "/";
}

/** The signed-in user, or a redirect to the sign-in page. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(await currentPath())}`);
  return user;
}

/** The signed-in user if their role has `permission`; otherwise sign-in or a 403 page. */
export async function requirePermission(permission: Permission): Promise<CurrentUser> {
  const user = await requireUser();
  if (!can(user.role, permission)) forbidden();
  return user;
}
