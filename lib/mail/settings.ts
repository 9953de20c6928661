// The admin settings mail needs (lead times, the municipality's name), read from app_settings on
// every scan and mail, so a change on /admin/settings holds for the next one on every instance.
import type { PrismaClient } from "../generated/prisma/client";
import { DEFAULT_LEAD_MONTHS } from "./schedule";

export type MailSettings = { leadMonths: number[]; municipality: string | null };

/** The lead times (months before the revision date) and the municipality's name. */
export async function mailSettings(db: Pick<PrismaClient, "appSettings">): Promise<MailSettings> {
  const row = await db.appSettings.findFirst({ select: { reminderLeadMonths: true, municipalityName: true } });
  const leads = row?.reminderLeadMonths?.length ? row.reminderLeadMonths : [...DEFAULT_LEAD_MONTHS];
  return { leadMonths: leads, municipality: row?.municipalityName.trim() || null };
}

/** The public address for links in mail: NEXTAUTH_URL (npm start sets it), without a trailing slash. */
export function mailBaseUrl(): string {
  return (process.env.NEXTAUTH_URL?.trim() || `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, "");
}
