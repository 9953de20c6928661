// The municipality's settings: one row, audited admin edits, no lost updates, errors at the field.
import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import nb from "../lib/i18n/messages/nb.json";
import { executeAction, type Translate } from "../lib/action-core";
import { db } from "../lib/db";
import { getSettings, updateSettings } from "../lib/settings";
import { settingsSchema } from "../lib/settings-schema";
import { createUser } from "./support/users";

const t = createTranslator({ locale: "nb", messages: nb }) as unknown as Translate;
const save = (raw: Record<string, string>, actorId: number) =>
  executeAction(settingsSchema, raw, async (input) => { await updateSettings(actorId, input); return { ok: true, data: undefined }; }, t);
const count = () => db.auditEvent.count({ where: { type: "settings.updated" } });

describe("settings", () => {
  it("an edit saves the fields, records who and writes one audit row with before and after", async () => {
    const admin = await createUser("admin");
    const loaded = await getSettings();
    const audits = await count();
    const result = await save({ municipalityName: "  Røros kommune ", innsynEnabled: "on", accessibilityContactEmail: "Postmottak@Roros.kommune.no", loadedAt: String(loaded.loadedAt) }, admin.id);
    expect(result).toMatchObject({ ok: true });
    const row = await db.appSettings.findFirstOrThrow();
    expect(row).toMatchObject({ municipalityName: "Røros kommune", innsynEnabled: true, accessibilityContactEmail: "postmottak@roros.kommune.no", updatedById: admin.id });
    expect(await count()).toBe(audits + 1);
    const event = await db.auditEvent.findFirstOrThrow({ where: { type: "settings.updated" }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({ actorId: admin.id, entityType: "settings", entityId: "1", after: { municipalityName: "Røros kommune", innsynEnabled: true } });

    // An unticked checkbox is absent from the form: innsyn off, an empty e-mail is "none".
    const next = await getSettings();
    await save({ municipalityName: "Røros kommune", accessibilityContactEmail: " ", loadedAt: String(next.loadedAt) }, admin.id);
    expect(await db.appSettings.findFirstOrThrow()).toMatchObject({ innsynEnabled: false, accessibilityContactEmail: null });
  });

  it("refuses an edit made from an older version and keeps the newer one", async () => {
    const admin = await createUser("admin");
    const loaded = await getSettings();
    const raw = (name: string) => ({ municipalityName: name, loadedAt: String(loaded.loadedAt) });
    expect(await save(raw("Først kommune"), admin.id)).toMatchObject({ ok: true });
    const audits = await count();
    expect(await save(raw("Sist kommune"), admin.id)).toMatchObject({ ok: false, code: "conflict", formError: t("errors.settingsConflict"), values: { municipalityName: "Sist kommune" } });
    expect((await db.appSettings.findFirstOrThrow()).municipalityName).toBe("Først kommune");
    expect(await count()).toBe(audits);
  });

  it.each([
    [{ accessibilityContactEmail: "ikke en adresse" }, "accessibilityContactEmail", "validation.email"],
    [{ municipalityName: "x".repeat(121) }, "municipalityName", "validation.tooLong"],
    [{ municipalityName: "Røros\u0000kommune" }, "municipalityName", "validation.controlCharacters"],
  ])("refuses %j at the field and writes nothing", async (extra, field, key) => {
    const admin = await createUser("admin");
    const before = await db.appSettings.findFirstOrThrow();
    const audits = await count();
    const result = await save({ municipalityName: "Røros kommune", loadedAt: String(before.updatedAt.getTime()), ...extra }, admin.id);
    expect(result).toMatchObject({ ok: false, code: "invalid" });
    expect((result as { fieldErrors: Record<string, string[]> }).fieldErrors[field]?.[0]).toBe(t(key, { max: 120 }));
    expect(await db.appSettings.findFirstOrThrow()).toEqual(before);
    expect(await count()).toBe(audits);
  });

  it("there is only ever one settings row (per municipality)", async () => {
    await expect(db.$executeRaw`INSERT INTO app_settings DEFAULT VALUES`).rejects.toThrow(/app_settings_pkey/);
    expect(await db.appSettings.count()).toBe(1);
  });
});
