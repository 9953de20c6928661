// Mail settings that admins change (lead times) and the municipality's name for mail text.
// Interim: defaults until the admin settings table carries them.
import type { PrismaClient } from "../generated/prisma/client";
import { DEFAULT_LEAD_MONTHS } from "./schedule";

export type MailSettings = { leadMonths: number[]; municipality: string | null };

/** The lead times (months before the revision date) and the municipality's name. */
export async function mailSettings(_db: Pick<PrismaClient, "$queryRaw">): Promise<MailSettings> {
  return { leadMonths: [...DEFAULT_LEAD_MONTHS], municipality: null };
}

/** The public address for links in mail: NEXTAUTH_URL (npm start sets it), without a trailing slash. */
export function mailBaseUrl(): string {
  return (process.env.NEXTAUTH_URL?.trim() || `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, "");
}
