// The municipality's settings (one row, app_settings): read on many pages, edited by admins.
import "server-only";
import { cache } from "react";
import { db } from "./db";
import { cachedPageData } from "./page-data-cache";
import { recordAudit } from "./audit";
import { DomainError } from "./errors";
import type { AppSettings } from "./generated/prisma/client";
import type { SettingsInput } from "./settings-schema";

export type Settings = {
  /** e.g. "Røros kommune"; "" until an admin sets it. */
  municipalityName: string;
  /** Public pages and the token-free read API are open. */
  innsynEnabled: boolean;
  /** Contact for the accessibility statement, if set. */
  accessibilityContactEmail: string | null;
  /** Months before a revision date that owners are reminded, largest first (default 6 and 1). */
  reminderLeadMonths: number[];
  /** Archive link for case numbers, and the map link for area plans (lib/links.ts); null when not set. */
  caseLinkTemplate: string | null;
  mapLinkTemplate: string | null;
  /** updated_at in milliseconds, for the edit form's optimistic concurrency. */
  loadedAt: number;
};

const toSettings = (row: AppSettings): Settings => ({
  municipalityName: row.municipalityName,
  innsynEnabled: row.innsynEnabled,
  accessibilityContactEmail: row.accessibilityContactEmail,
  reminderLeadMonths: [...(row.reminderLeadMonths ?? [6, 1])].sort((a, b) => b - a),
  caseLinkTemplate: row.caseLinkTemplate,
  mapLinkTemplate: row.mapLinkTemplate,
  loadedAt: row.updatedAt.getTime(),
});

/** What the audit log keeps of the settings. */
const snapshot = ({ municipalityName, innsynEnabled, accessibilityContactEmail, reminderLeadMonths, caseLinkTemplate, mapLinkTemplate }: Settings) =>
  ({ municipalityName, innsynEnabled, accessibilityContactEmail, reminderLeadMonths, caseLinkTemplate, mapLinkTemplate });

/** The settings; once per request however many components ask. The row always exists (migration). */
// Every change to the settings moves the register's version (a trigger): kept per tenant and version.
export const getSettings = cache(async (): Promise<Settings> => cachedPageData({ page: "settings", role: "any", locale: "any" }, async () => toSettings(await db.appSettings.findFirstOrThrow())));

/** Saves the settings an admin edited from the version loaded at `loadedAt`; audited in the same transaction. */
export async function updateSettings(actorId: number, { loadedAt, ...input }: SettingsInput): Promise<Settings> {
  return db.$transaction(async (tx) => {
    const before = toSettings(await tx.appSettings.findFirstOrThrow());
    const { count } = await tx.appSettings.updateMany({ where: { updatedAt: new Date(loadedAt) }, data: { ...input, updatedById: actorId } });
    if (count === 0) throw new DomainError("conflict", "settingsConflict");
    const after = toSettings(await tx.appSettings.findFirstOrThrow());
    await recordAudit(tx, { type: "settings.updated", actorId, before: snapshot(before), after: snapshot(after) });
    return after;
  });
}
