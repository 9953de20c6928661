// Synthetic plans for benchmarks: deterministic (seeded), shaped like a real register — every type
// and status, adoption before revision, a few dozen owners, ~40 units. Pure: no database here.
import type { DecisionBody, PlanStatus, PlanType } from "../../lib/generated/prisma/enums";

/** A small seeded PRNG (mulberry32): the same seed gives the same register. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const weighted = <T>(items: readonly (readonly [T, number])[]): T => {
    let r = next() * items.reduce((s, [, w]) => s + w, 0);
    for (const [item, w] of items) if ((r -= w) < 0) return item;
    return items[items.length - 1]![0];
  };
  return { next, int, pick, weighted, chance: (p: number) => next() < p };
}
export type Rng = ReturnType<typeof rng>;

const SECTORS: Record<string, string[]> = {
  Oppvekst: ["Barnehage", "Skole", "PPT", "Barnevern"],
  "Helse og omsorg": ["Hjemmetjenester", "Sykehjem", "Psykisk helse og rus", "Legetjenester"],
  "Kultur og samfunn": ["Bibliotek", "Kulturskole", "Idrett og friluftsliv", "Frivillighet"],
  "Plan og forvaltning": ["Arealplan", "Byggesak", "Landbruk", "Miljø"],
  Kommunalteknikk: ["Vei", "Vann og avløp", "Renovasjon", "Brann og redning"],
  Eiendom: ["Bygg", "Drift", "Boliger", "Prosjekt"],
  Økonomi: ["Regnskap", "Innkjøp", "Skatt", "Budsjett"],
  Organisasjon: ["HR", "IKT", "Dokumentsenter", "Servicetorg"],
  Næring: ["Reiseliv", "Næringsutvikling", "Verdensarv", "Landbruksnæring"],
  Levekår: ["Sosialtjenester", "Flyktningtjeneste", "Boligsosialt arbeid", "Arbeid og aktivitet"],
};
/** The 40 responsible units. */
export const UNITS = Object.entries(SECTORS).flatMap(([sector, subs]) => subs.map((s) => `${sector} – ${s}`));

const TOPICS = ["trafikksikkerhet", "folkehelse", "klima og energi", "kulturminner", "idrett og fysisk aktivitet", "digitalisering", "samfunnssikkerhet og beredskap", "vann og avløp", "boligsosialt arbeid", "næringsutvikling", "landbruk", "friluftsliv", "barn og unge", "eldre", "rus og psykisk helse", "kompetanse", "reiseliv", "sentrumsutvikling", "naturmangfold", "samferdsel"];
const PLACES = ["Røros sentrum", "Brekken", "Glåmos", "Hitterdalen", "Galåa", "Os", "Feragen", "Aursund", "Kojedalen", "Hessdalen"];
const FIRST = ["Kari", "Ola", "Ingrid", "Per", "Marit", "Jon", "Sigrid", "Lars", "Astrid", "Knut", "Hilde", "Erik"];
const LAST = ["Haugen", "Brekken", "Moen", "Aas", "Bakken", "Lien"];

const TYPES: [PlanType, number][] = [["kommuneplan_samfunnsdel", 1], ["kommuneplan_arealdel", 1], ["kommunedelplan", 15], ["temaplan", 25], ["strategi", 15], ["handlingsplan", 25], ["reguleringsplan", 13], ["annet", 5]];
const STATUSES: [PlanStatus, number][] = [["planlagt", 10], ["under_utarbeidelse", 10], ["vedtatt", 55], ["under_revisjon", 10], ["opphevet", 8], ["erstattet", 7]];
const BODIES: [DecisionBody, number][] = [["kommunestyret", 60], ["formannskapet", 15], ["hovedutvalg", 15], ["kommunedirektoren", 5], ["annet", 5]];

export type SyntheticUser = { email: string; name: string; role: "viewer" | "editor" };
/** `count` owners: plan owners are editors, a few viewers own plans too (politicians' own plans). */
export function syntheticUsers(count: number): SyntheticUser[] {
  return Array.from({ length: count }, (_, i) => ({
    email: `eier${i + 1}@synthetic.planregister.no`,
    name: `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]} (${i + 1})`,
    role: i % 6 === 5 ? "viewer" : "editor",
  }));
}

export type SyntheticPlan = {
  title: string; type: PlanType; status: PlanStatus; adoptedOn: string | null; adoptedBy: DecisionBody | null;
  caseNumber: string | null; decisionUrl: string | null; revisionDueOn: string | null;
  periodFromYear: number | null; periodToYear: number | null; responsibleUnit: string | null;
  ownerIndex: number | null; summary: string; legallyRequired: boolean; archived: boolean;
  createdAt: Date;
  /** The values before the one recorded edit (plan.updated), or null if never edited. */
  beforeEdit: { revisionDueOn: string | null; summary: string } | null;
};

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (y: number, m = 1, d = 1) => Date.UTC(y, m - 1, d);

function title(r: Rng, type: PlanType, n: number): string {
  const topic = r.pick(TOPICS);
  const place = r.pick(PLACES);
  const base = {
    kommuneplan_samfunnsdel: "Kommuneplanens samfunnsdel",
    kommuneplan_arealdel: `Kommuneplanens arealdel for ${place}`,
    kommunedelplan: `Kommunedelplan for ${topic}, ${place}`,
    temaplan: `Temaplan for ${topic}`,
    strategi: `Strategi for ${topic}`,
    handlingsplan: `Handlingsplan for ${topic}`,
    reguleringsplan: `Reguleringsplan ${place}, gnr. ${r.int(1, 200)}/${r.int(1, 90)}`,
    annet: `Plan for ${topic} i ${place}`,
  }[type];
  // The serial keeps titles unique among active plans of a type (plans_active_type_title_key).
  return `${base} (${n})`;
}

function summary(r: Rng, type: PlanType): string {
  const topic = r.pick(TOPICS);
  const first = r.chance(0.5) ? `Mål og tiltak for ${topic} i kommunen.` : `Overordnede føringer for ${topic}.`;
  const second = r.pick(["", " Rulleres årlig i økonomiplanen.", " Utarbeidet sammen med nabokommunene.", " Bygger på kunnskapsgrunnlaget fra 2019.", ` Gjelder hele kommunen (${type}).`]);
  return `${first}${second} Syntetiske data for ytelsestest.`;
}

/** Plan `n` (0-based) of a synthetic register; `owners` is the number of owner users. */
export function syntheticPlan(r: Rng, n: number, owners: number): SyntheticPlan {
  const type = r.weighted(TYPES);
  const status = r.weighted(STATUSES);
  const adopted = status === "vedtatt" || status === "under_revisjon" || ((status === "opphevet" || status === "erstattet") && r.chance(0.8));
  const adoptedMs = adopted ? dayMs(2004) + r.int(0, 22 * 365) * DAY : null;
  let revisionDueOn: string | null = null;
  if (adoptedMs !== null && r.chance(0.92)) revisionDueOn = iso(adoptedMs + r.int(2 * 365, 12 * 365) * DAY);
  else if (adoptedMs === null && r.chance(0.3)) revisionDueOn = iso(dayMs(2026) + r.int(0, 5 * 365) * DAY);
  const fromYear = adoptedMs !== null ? new Date(adoptedMs).getUTCFullYear() : null;
  const yy = String((fromYear ?? 2025) % 100).padStart(2, "0");
  const caseNumber = adopted || r.chance(0.3) ? `${yy}/${String(r.int(1, 2999)).padStart(5, "0")}` : null;
  const createdAt = new Date(Math.max(dayMs(2015), adoptedMs ?? dayMs(2020)) + r.int(0, 3 * 365) * DAY);
  const text = summary(r, type);
  const beforeEdit = r.chance(0.3)
    ? { revisionDueOn: revisionDueOn && r.chance(0.7) ? iso(Date.parse(revisionDueOn) - r.int(1, 3) * 365 * DAY) : null, summary: `${text.split(".")[0]}.` }
    : null;
  return {
    title: title(r, type, n + 1), type, status,
    adoptedOn: adoptedMs !== null ? iso(adoptedMs) : null,
    adoptedBy: adopted ? r.weighted(BODIES) : null,
    caseNumber,
    decisionUrl: caseNumber && r.chance(0.4) ? `https://innsyn.kommune.example/sak/${caseNumber.replace("/", "-")}` : null,
    revisionDueOn,
    periodFromYear: fromYear,
    periodToYear: fromYear !== null && r.chance(0.8) ? Math.min(2200, fromYear + r.int(4, 12)) : null,
    responsibleUnit: r.chance(0.95) ? r.pick(UNITS) : null,
    ownerIndex: r.chance(0.88) ? r.int(0, owners - 1) : null,
    summary: text,
    legallyRequired: type.startsWith("kommuneplan") || r.chance(0.15),
    archived: r.chance(0.04),
    createdAt,
    beforeEdit,
  };
}
