"use server";
// Settings actions: admins only (permission "settings.manage"), checked by authedAction.
// refresh(), not revalidatePath("/", "layout"): that would expire every municipality's cached
// innsyn data, whose entries carry the paths they were made under (decision 057).
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { authedAction } from "./action";
import { invalidatePublicCache } from "./public/cache";
import { updateSettings } from "./settings";
import { settingsSchema } from "./settings-schema";

export const updateSettingsAction = authedAction("settings.manage", settingsSchema, async (input, user) => {
  await updateSettings(user.id, input);
  // The name appears in every page's header and title; innsyn's cached pages go too.
  invalidatePublicCache();
  refresh();
  redirect("/admin/settings?saved=1");
});
