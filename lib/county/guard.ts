// The county view's guard: a statsforvalter, on their office's host (a county tenant). The
// database functions refuse any other tenant anyway; this makes it a 404 rather than an empty page.
import "server-only";
import { notFound } from "next/navigation";
import { requirePermission } from "../auth/guards";
import { getTenant, type Tenant } from "../tenant";

/** The signed-in county office user and their office, or sign-in / 403 / 404. */
export async function requireCountyOffice(): Promise<Tenant> {
  await requirePermission("county.read");
  const tenant = await getTenant();
  if (tenant.kind !== "county") notFound();
  return tenant;
}
