// Every innsyn page and download starts here: when innsyn is off, there is nothing to see (404).
import "server-only";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getSettings } from "../settings";

/** The settings the public pages show (municipality's name, contact), or a 404 when innsyn is off. */
export async function requireInnsyn() {
  const settings = await getSettings();
  if (!settings.innsynEnabled) notFound();
  // The name in running text: "kommunen" until an admin has set it.
  const municipality = settings.municipalityName || (await getTranslations("innsyn.layout"))("municipalityFallback");
  return { ...settings, municipality };
}
