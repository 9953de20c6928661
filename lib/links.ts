// Links into the municipality's other systems, built from address templates an admin sets
// (docs/decisions/049): the archive's public journal for a case number, the map for an area plan.
// Client-safe: the settings page previews with the same functions the pages link with.
// A template is checked when saved and again whenever a link is made; a value is always
// URL-encoded; anything that does not give an http(s) address gives no link (plain text).

export const CASE_PLACEHOLDERS = ["saksnummer", "saksaar", "sekvensnr"] as const;
export const MAP_PLACEHOLDERS = ["kommunenummer", "planid"] as const;
export const TEMPLATE_MAX = 500;
export const EXAMPLE_CASE_NUMBER = "20/1234";
export const EXAMPLE_NATIONAL_PLAN_ID = "3024_201701";

// Saksnummer: year (2 or 4 digits) / sequence number, optionally -document number ("20/1234-5").
const CASE_NUMBER = /^(\d{2}|\d{4})\/(\d{1,7})(?:-\d{1,5})?$/;

export type CaseNumberParts = { saksnummer: string; saksaar: string; sekvensnr: string };

/** The parts of a case number, the year always with four digits (a two-digit year is in this century unless that is in the future); null when it does not fit. */
export function parseCaseNumber(text: string, now: Date = new Date()): CaseNumberParts | null {
  const s = text.trim();
  const m = CASE_NUMBER.exec(s);
  if (!m) return null;
  let year = Number(m[1]);
  if (m[1]!.length === 2) year += year <= now.getUTCFullYear() % 100 ? 2000 : 1900;
  return { saksnummer: s, saksaar: String(year), sekvensnr: String(Number(m[2])) };
}

/** Why a template cannot be used (a message key under validation.), or null when it can. */
export function templateProblem(template: string, placeholders: readonly string[]): string | null {
  if (template.length > TEMPLATE_MAX) return "templateTooLong";
  if (/[\u0000-\u001f\u007f]/.test(template)) return "controlCharacters";
  if (!/^https?:\/\//i.test(template)) return "templateScheme";
  if (/[\s"'<>`\\]/.test(template)) return "templateChars";
  const names = [...template.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]!);
  if (names.some((n) => !placeholders.includes(n)) || /[{}]/.test(template.replace(/\{[a-z]+\}/g, ""))) return "templateUnknown";
  if (names.length === 0) return "templateNoPlaceholder";
  const example = fill(template, Object.fromEntries(placeholders.map((p) => [p, "1"])));
  return example ? null : "url";
}

function fill(template: string, values: Record<string, string>): string | null {
  const url = template.replace(/\{([a-z]+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? ""));
  if (!URL.canParse(url)) return null;
  const protocol = new URL(url).protocol;
  return protocol === "https:" || protocol === "http:" ? url : null;
}

/** The address for `values`, or null when the template is missing or unusable. */
export function fillTemplate(template: string | null | undefined, placeholders: readonly string[], values: Record<string, string>): string | null {
  if (!template || templateProblem(template, placeholders)) return null;
  return fill(template, values);
}

/** The archive link for a case number, or null (shown as plain text) when there is no template or the number does not fit. */
export function caseLink(template: string | null | undefined, caseNumber: string | null | undefined, now: Date = new Date()): string | null {
  const parts = caseNumber ? parseCaseNumber(caseNumber, now) : null;
  return parts ? fillTemplate(template, CASE_PLACEHOLDERS, parts) : null;
}

/** The map link for a national plan id ("3024_201701"), or null. */
export function mapLink(template: string | null | undefined, nationalPlanId: string | null | undefined): string | null {
  const m = nationalPlanId ? /^(\d{4})_(.+)$/.exec(nationalPlanId) : null;
  return m ? fillTemplate(template, MAP_PLACEHOLDERS, { kommunenummer: m[1]!, planid: m[2]! }) : null;
}
