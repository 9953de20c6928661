// Which column of an uploaded file holds which field: guessed from the headers (the export's own
// in either language, the field codes, and the names municipalities already use), then shown to
// the user, who can correct it before the preview.
import nb from "../i18n/messages/nb.json" with { type: "json" };
import en from "../i18n/messages/en.json" with { type: "json" };
import { COLUMN_CODES, COLUMN_KEYS, type ColumnKey } from "../spreadsheet/columns";

/** Headers seen in municipalities' own planprogram tables and spreadsheets. */
export const HEADER_ALIASES: Record<string, ColumnKey> = {
  plan: "title", plannavn: "title", navn: "title", tittel: "title", name: "title",
  plantype: "type", vedtatt: "adoptedOn", vedtaksdato: "adoptedOn", vedtatt_dato: "adoptedOn", dato: "adoptedOn",
  vedtaksorgan: "adoptedBy", organ: "adoptedBy",
  revideres: "revisionDueOn", rulleres: "revisionDueOn", revisjon: "revisionDueOn", revisjonsfrist: "revisionDueOn", rullering: "revisionDueOn",
  ansvarlig: "responsibleUnit", ansvar: "responsibleUnit", enhet: "responsibleUnit", ansvarligenhet: "responsibleUnit",
  saksnr: "caseNumber", saksnummer: "caseNumber", sak: "caseNumber", arkivsak: "caseNumber",
  eier: "owner", planeier: "owner", epost: "owner", lovpalagt: "legallyRequired", sammendrag: "summary", beskrivelse: "summary",
  fra: "periodFromYear", til: "periodToYear", lenke: "decisionUrl", vedtak: "decisionUrl", barekraftsmal: "targets", delmal: "targets", sdg: "targets",
};

/** A header as compared: lower case, letters and digits only (æøå folded), so "Saksnr." is "saksnr". */
export function normaliseHeader(header: string): string {
  return header.toLowerCase().replace(/æ/g, "ae").replace(/ø/g, "o").replace(/å/g, "a").normalize("NFKD").replace(/[^a-z0-9]/g, "");
}

const known = new Map<string, ColumnKey>();
for (const [alias, key] of Object.entries(HEADER_ALIASES)) known.set(normaliseHeader(alias), key);
for (const key of COLUMN_KEYS) {
  known.set(normaliseHeader(key), key);
  known.set(normaliseHeader(nb.spreadsheet.columns[key]), key);
  known.set(normaliseHeader(en.spreadsheet.columns[key]), key);
}
for (const key of ["title", "type", "status", "adoptedOn", "adoptedBy", "caseNumber", "decisionUrl", "revisionDueOn", "periodFromYear", "periodToYear", "responsibleUnit", "summary", "legallyRequired", "targets", "documents", "relations"] as const) {
  if (!known.has(normaliseHeader(nb.plans.fields[key]))) known.set(normaliseHeader(nb.plans.fields[key]), key);
}

export type Mapping = (ColumnKey | "")[];

/** Each header's field, or "" (ignored); a field is taken by its first column only. */
export function guessMapping(headers: string[]): Mapping {
  const taken = new Set<ColumnKey>();
  return headers.map((h) => {
    const key = known.get(normaliseHeader(h));
    if (!key || taken.has(key)) return "";
    taken.add(key);
    return key;
  });
}

/** A mapping as posted by the mapping form (col.0 … col.n), checked: known fields, each at most once. */
export function parseMapping(raw: Record<string, unknown>, columns: number): { mapping: Mapping; duplicate: ColumnKey | null } {
  const mapping: Mapping = [];
  const seen = new Set<ColumnKey>();
  let duplicate: ColumnKey | null = null;
  for (let i = 0; i < columns; i++) {
    const v = raw[`col${i}`];
    const key = typeof v === "string" && (COLUMN_KEYS as readonly string[]).includes(v) ? (v as ColumnKey) : "";
    if (key && seen.has(key)) duplicate ??= key;
    if (key) seen.add(key);
    mapping.push(key);
  }
  return { mapping, duplicate };
}

/** Values for the whole file where it has no column: a new plan's status from its adoption date
 * (a date → vedtatt, none → planlagt) unless one is chosen, and a decision body if one is chosen. */
export type ImportDefaults = { status: (typeof COLUMN_CODES.status)[number] | "fromAdoption"; adoptedBy: (typeof COLUMN_CODES.adoptedBy)[number] | "" };
export const DEFAULTS: ImportDefaults = { status: "fromAdoption", adoptedBy: "" };

/** The defaults as posted by the mapping form (defaultStatus, defaultAdoptedBy); anything unknown is the default. */
export function parseDefaults(raw: Record<string, unknown>): ImportDefaults {
  const pick = <T extends string>(v: unknown, allowed: readonly T[], fallback: T): T => (allowed.find((a) => a === v) ?? fallback);
  return {
    status: pick(raw.defaultStatus, [...COLUMN_CODES.status, "fromAdoption"] as const, DEFAULTS.status),
    adoptedBy: pick(raw.defaultAdoptedBy, [...COLUMN_CODES.adoptedBy, ""] as const, DEFAULTS.adoptedBy),
  };
}

/** The fields a plan needs that a file may lack; the preview names those the mapping leaves out. */
export const NEEDED_COLUMNS = ["title", "type", "status", "adoptedOn", "adoptedBy"] as const satisfies readonly ColumnKey[];

/** A stored mapping: the columns' fields and the defaults (an array alone before the defaults existed). */
export function storedMapping(json: unknown): { columns: Mapping; defaults: ImportDefaults } | null {
  if (Array.isArray(json)) return { columns: json as Mapping, defaults: DEFAULTS };
  if (json && typeof json === "object" && "columns" in json && Array.isArray(json.columns)) {
    const d = ("defaults" in json && json.defaults && typeof json.defaults === "object" ? json.defaults : {}) as Record<string, unknown>;
    return { columns: json.columns as Mapping, defaults: parseDefaults({ defaultStatus: d.status, defaultAdoptedBy: d.adoptedBy }) };
  }
  return null;
}
