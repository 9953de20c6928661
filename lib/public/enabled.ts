// Whether innsyn (the public pages, and the API without a token) is on: the admin's setting.
import "server-only";
import { getSettings } from "../settings";

/** The admin's innsyn setting, read from the database. */
export async function innsynEnabled(): Promise<boolean> {
  return (await getSettings()).innsynEnabled;
}
