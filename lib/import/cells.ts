// One spreadsheet row as the plan form would post it: cells of the mapped columns turned into the
// form's fields, so the plan form's zod schema (lib/plans/schema.ts) judges every row.
import nb from "../i18n/messages/nb.json" with { type: "json" };
import en from "../i18n/messages/en.json" with { type: "json" };
import { CONTROL_CHARACTERS, CONTROL_CHARACTERS_MULTI_LINE } from "../url-params";
import { COLUMN_CODES, type ColumnKey } from "../spreadsheet/columns";
import { relationKinds } from "../plans/schema";
import type { Cell } from "./read-file";
import type { ImportDefaults, Mapping } from "./mapping";

export type FormFields = Record<string, string | string[]>;
export type CellProblem = { field: ColumnKey; key: "validation.controlCharacters" | "import.boolean" | "import.relation" };

const text = (c: Cell): string => (c === null ? "" : c instanceof Date ? c.toISOString().slice(0, 10) : typeof c === "boolean" ? (c ? "true" : "false") : String(c).trim());

/** An Excel serial day number (1900 system) as yyyy-mm-dd. */
const fromSerial = (n: number) => new Date(Math.round((n - 25569) * 86_400_000)).toISOString().slice(0, 10);

/** A date cell as yyyy-mm-dd: a date, an Excel serial, dd.mm.yyyy, d/m/yyyy or yyyy-mm-dd; else the text as it is (the schema refuses it). */
export function dateText(c: Cell): string {
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? "invalid" : c.toISOString().slice(0, 10);
  if (typeof c === "number") return c >= 1 && c < 200_000 ? fromSerial(c) : String(c);
  const s = text(c);
  const nordic = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(s);
  if (nordic) return `${nordic[3]}-${nordic[2]!.padStart(2, "0")}-${nordic[1]!.padStart(2, "0")}`;
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.]+Z?)?$/.exec(s);
  return iso ? iso[1]! : s;
}

const codeLookup = new Map<string, string>();
for (const [column, labels] of [["type", "planType"], ["status", "planStatus"], ["adoptedBy", "decisionBody"]] as const) {
  for (const code of COLUMN_CODES[column]) {
    codeLookup.set(`${column}:${code}`, code);
    for (const m of [nb, en]) codeLookup.set(`${column}:${(m.enums[labels] as Record<string, string>)[code]!.toLowerCase()}`, code);
  }
}

/** A code column's value: the code itself or its label in either language (any case). */
export function codeText(column: "type" | "status" | "adoptedBy", c: Cell): string {
  const s = text(c);
  return codeLookup.get(`${column}:${s.toLowerCase()}`) ?? s;
}

const YES = new Set(["ja", "j", "yes", "y", "true", "sann", "x", "1"]);
const NO = new Set(["nei", "n", "no", "false", "usann", "0", ""]);

const relationWords = new Map<string, string>();
for (const kind of relationKinds) {
  relationWords.set(kind, kind);
  for (const m of [nb, en]) relationWords.set(m.enums.relationOutgoing[kind].toLowerCase(), kind);
}

/** The form fields and the problems of one row's cells; `base` holds the matched plan's current values. */
export function rowToForm(cells: Cell[], mapping: Mapping, base: FormFields): { form: FormFields; problems: CellProblem[] } {
  const form: FormFields = { ...base };
  const problems: CellProblem[] = [];
  for (let i = 0; i < mapping.length; i++) {
    const field = mapping[i];
    if (!field || field === "id" || field === "version") continue;
    const cell = cells[i] ?? null;
    // Only a text cell can hold a control character: other cells read as digits, dates or true/false.
    if (typeof cell === "string" && (field === "summary" || field === "documents" ? CONTROL_CHARACTERS_MULTI_LINE : CONTROL_CHARACTERS).test(cell.trim())) {
      problems.push({ field, key: "validation.controlCharacters" });
      continue;
    }
    const problem = setField(form, field, cell);
    if (problem) problems.push({ field, key: problem });
  }
  return { form, problems };
}

// One mapped cell into the form's fields (text only where the field needs it: 10,000 rows × 19 cells).
function setField(form: FormFields, field: Exclude<ColumnKey, "id" | "version">, cell: Cell): CellProblem["key"] | null {
  switch (field) {
    case "type": case "status": case "adoptedBy": form[field] = codeText(field, cell); break;
    case "adoptedOn": case "revisionDueOn": form[field] = dateText(cell); break;
    case "startNoticeOn": case "consultationFrom": case "consultationTo": case "consultation2From": case "consultation2To": form[field] = dateText(cell); break;
    case "legallyRequired": {
      const v = typeof cell === "boolean" ? String(cell) : text(cell).toLowerCase();
      if (YES.has(v)) form.legallyRequired = "true";
      else if (NO.has(v)) form.legallyRequired = "";
      else return "import.boolean";
      break;
    }
    case "owner": form.ownerEmail = text(cell).toLowerCase(); break;
    case "targets": { const s = text(cell); form.targets = s ? s.split(/[;,\s]+/).filter(Boolean) : []; break; }
    case "documents": {
      const lines = text(cell).split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
      form.documentLabel = lines.map((l) => (l.includes("|") ? l.slice(0, l.lastIndexOf("|")).trim() : l));
      form.documentUrl = lines.map((l) => (l.includes("|") ? l.slice(l.lastIndexOf("|") + 1).trim() : l));
      break;
    }
    case "relations": {
      const parts = text(cell).split(/[;\n]+/).map((p) => p.trim()).filter(Boolean);
      const kinds: string[] = [];
      const ids: string[] = [];
      let problem: CellProblem["key"] | null = null;
      for (const p of parts) {
        const m = /^(.+?)\s*:\s*#?(\d{1,10})$/.exec(p);
        const kind = m ? relationWords.get(m[1]!.toLowerCase()) : undefined;
        if (!m || !kind) problem = "import.relation";
        else { kinds.push(kind); ids.push(m[2]!); }
      }
      form.relationKind = kinds;
      form.relationPlanId = ids;
      return problem;
    }
    case "periodFromYear": case "periodToYear": form[field] = typeof cell === "number" ? String(cell) : text(cell); break;
    default: form[field] = text(cell);
  }
  return null;
}

/** A new plan's status and decision body where the file has no column for them (the mapping step's defaults). */
export function fillMissing(form: FormFields, mapping: Mapping, defaults: ImportDefaults): void {
  if (!mapping.includes("status")) form.status = defaults.status !== "fromAdoption" ? defaults.status : form.adoptedOn ? "vedtatt" : "planlagt";
  if (!mapping.includes("adoptedBy") && defaults.adoptedBy && form.adoptedOn) form.adoptedBy = defaults.adoptedBy;
}

/** An id or version cell as a positive integer, null when blank, NaN when it is not one. */
export function intCell(c: Cell): number | null {
  const s = text(c);
  if (s === "") return null;
  return /^\d{1,10}$/.test(s) && Number(s) <= 2_147_483_647 && Number(s) > 0 ? Number(s) : NaN;
}
