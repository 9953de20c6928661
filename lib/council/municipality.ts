// The municipality's name for the council documents' heading.
import "server-only";

/** The name an admin configured. */
export async function municipalityName(): Promise<string> {
  return process.env.MUNICIPALITY_NAME?.trim() || "Kommunen";
}
