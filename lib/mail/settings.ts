// The admin settings mail needs (lead times, the municipality's name), read from app_settings on
// every scan and mail, so a change on /admin/settings holds for the next one on every instance.
// Everything here is the current tenant's (the worker runs each job in withTenant).
import { tenantBaseUrl } from "../base-url";
import type { PrismaClient } from "../generated/prisma/client";
import { DEFAULT_LEAD_MONTHS } from "./schedule";

export type MailSettings = { leadMonths: number[]; municipality: string | null };

/** The lead times (months before the revision date) and the municipality's name (the settings', else the tenant's). */
export async function mailSettings(db: Pick<PrismaClient, "appSettings" | "$queryRaw">): Promise<MailSettings> {
  const row = await db.appSettings.findFirst({ select: { reminderLeadMonths: true, municipalityName: true } });
  const leads = row?.reminderLeadMonths?.length ? row.reminderLeadMonths : [...DEFAULT_LEAD_MONTHS];
  const named = row?.municipalityName.trim();
  if (named) return { leadMonths: leads, municipality: named };
  const tenant = await db.$queryRaw<{ name: string }[]>`SELECT name FROM tenants WHERE id = app_current_tenant()`;
  return { leadMonths: leads, municipality: tenant[0]?.name.trim() || null };
}

/**
 * The public address for links in the current tenant's mail, without a trailing slash: its host
 * (lib/base-url.ts), else NEXTAUTH_URL (npm start sets it), else http://localhost:$PORT.
 */
export function mailBaseUrl(db: Pick<PrismaClient, "$queryRaw">): Promise<string> {
  return tenantBaseUrl(db, () => `http://localhost:${process.env.PORT ?? 3000}`);
}
