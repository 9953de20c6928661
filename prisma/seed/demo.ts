// Example data: Røros kommune's planstrategi 2020–2023 (adopted by kommunestyret 10 December
// 2020) and the plans it names. What the source does not give — dates other than the adoption
// of the strategy, case numbers, responsible units, SDG links — is invented for the demo, and
// each record says so.
import type { PrismaClient } from "../../lib/prisma-client";
import type { DecisionBody, PlanStatus, PlanType, Role } from "../../lib/generated/prisma/enums";
import { hashPassword } from "../../lib/auth/password";

export const DEMO_MARKER = "demo.loaded";
export const DEMO_PERIOD_NAME = "Planstrategi 2020–2023";
const INVENTED = "Eksempeldata fra Røros kommunes planstrategi 2020–2023. Datoer, saksnummer, ansvarlig enhet og bærekraftsmål er oppdiktet for demoen.";

/** Demo accounts, one per role. For local demonstration only: the passwords are public. */
export const demoUsers: { email: string; name: string; role: Role; password: string }[] = [
  { email: "admin@demo.planregister.no", name: "Demo Administrator", role: "admin", password: "demo-admin-passord" },
  { email: "redaktor@demo.planregister.no", name: "Demo Planlegger", role: "editor", password: "demo-redaktor-passord" },
  { email: "leser@demo.planregister.no", name: "Demo Politiker", role: "viewer", password: "demo-leser-passord" },
];

type DemoPlan = {
  title: string;
  type: PlanType;
  status: PlanStatus;
  adoptedOn?: string;
  adoptedBy?: DecisionBody;
  caseNumber?: string;
  revisionDueOn?: string;
  periodFromYear?: number;
  periodToYear?: number;
  responsibleUnit: string;
  legallyRequired?: boolean;
  summary: string;
  targets: string[];
  /** The planning strategy's decision about the plan (the planprogram lists every plan). */
  decision: { decision: "new" | "revise" | "continue" | "repeal"; targetYear?: number; note?: string };
};

export const demoPlans: DemoPlan[] = [
  // The four new strategies planstrategi 2020–2023 decided to make.
  { title: "Mangfolds- og inkluderingsstrategi", type: "strategi", status: "planlagt", responsibleUnit: "Kultur og samfunn", summary: "Ny strategi vedtatt i planstrategien.", targets: ["10.2", "10.3", "5.1", "16.b", "17.17"], decision: { decision: "new", targetYear: 2022 } },
  { title: "Oppvekst- og utdanningsstrategi", type: "strategi", status: "planlagt", responsibleUnit: "Oppvekst", summary: "Ny strategi vedtatt i planstrategien.", targets: ["4.1", "4.2", "4.5", "3.4"], decision: { decision: "new", targetYear: 2021 } },
  { title: "Helse- og omsorgsstrategi", type: "strategi", status: "planlagt", responsibleUnit: "Helse og omsorg", summary: "Ny strategi vedtatt i planstrategien.", targets: ["3.4", "3.8", "10.2"], decision: { decision: "new", targetYear: 2022 } },
  { title: "Transportstrategi", type: "strategi", status: "planlagt", responsibleUnit: "Plan og forvaltning", summary: "Ny strategi vedtatt i planstrategien.", targets: ["11.2", "9.1", "3.6", "13.2"], decision: { decision: "new", targetYear: 2023 } },
  // Existing plans the document names, each with what the strategy decided (the decisions other
  // than "new" are invented for the demo; the two action plans are absorbed by the new strategy).
  { title: "Kommuneplanens arealdel", type: "kommuneplan_arealdel", status: "under_revisjon", adoptedOn: "2015-06-18", adoptedBy: "kommunestyret", caseNumber: "15/00412", revisionDueOn: "2027-06-30", periodFromYear: 2015, periodToYear: 2027, responsibleUnit: "Plan og forvaltning", legallyRequired: true, summary: "Arealbruk i hele kommunen, med hensyn til verdensarven.", targets: ["11.3", "11.4", "15.1", "15.5"], decision: { decision: "revise", targetYear: 2023 } },
  { title: "Klima- og miljøplan", type: "kommunedelplan", status: "vedtatt", adoptedOn: "2018-09-27", adoptedBy: "kommunestyret", caseNumber: "18/00977", revisionDueOn: "2022-12-31", periodFromYear: 2018, periodToYear: 2030, responsibleUnit: "Plan og forvaltning", summary: "Mål og tiltak for lavere klimagassutslipp og bedre miljø.", targets: ["13.2", "7.2", "11.6", "12.5"], decision: { decision: "revise", targetYear: 2022 } },
  { title: "Folkehelseplan", type: "temaplan", status: "vedtatt", adoptedOn: "2017-03-30", adoptedBy: "kommunestyret", caseNumber: "17/00231", revisionDueOn: "2027-03-31", periodFromYear: 2017, periodToYear: 2027, responsibleUnit: "Helse og omsorg", legallyRequired: true, summary: "Oversikt over helsetilstand og innsats for folkehelse.", targets: ["3.4", "3.5", "10.2"], decision: { decision: "continue" } },
  { title: "Trafikksikkerhetsplan", type: "temaplan", status: "vedtatt", adoptedOn: "2019-05-23", adoptedBy: "kommunestyret", caseNumber: "19/00544", revisionDueOn: "2023-05-31", periodFromYear: 2019, periodToYear: 2023, responsibleUnit: "Kommunalteknikk", summary: "Tiltak for trygg ferdsel, særlig for barn og unge.", targets: ["3.6", "11.2"], decision: { decision: "revise", targetYear: 2023 } },
  { title: "Handlingsplan mot vold i nære relasjoner", type: "handlingsplan", status: "vedtatt", adoptedOn: "2018-11-29", adoptedBy: "kommunestyret", caseNumber: "18/01203", revisionDueOn: "2028-11-30", periodFromYear: 2018, periodToYear: 2028, responsibleUnit: "Helse og omsorg", summary: "Forebygging av og hjelp ved vold i nære relasjoner.", targets: ["5.2", "16.1", "16.2"], decision: { decision: "revise", targetYear: 2022, note: "Innarbeides i Helse- og omsorgsstrategi" } },
  { title: "Handlingsplan for selvmordsforebygging", type: "handlingsplan", status: "vedtatt", adoptedOn: "2019-02-14", adoptedBy: "formannskapet", caseNumber: "19/00118", revisionDueOn: "2026-12-31", periodFromYear: 2019, periodToYear: 2026, responsibleUnit: "Helse og omsorg", summary: "Tiltak for å forebygge selvmord og selvskading.", targets: ["3.4"], decision: { decision: "revise", targetYear: 2022, note: "Innarbeides i Helse- og omsorgsstrategi" } },
];

const date = (iso?: string) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

/**
 * Loads the example data and the demo users once: a second call finds the marker event and does
 * nothing. Returns whether it loaded.
 */
export async function seedDemo(db: PrismaClient): Promise<boolean> {
  const hashes = await Promise.all(demoUsers.map((u) => hashPassword(u.password)));
  return db.$transaction(async (tx) => {
    // Serialises concurrent seeders (several instances starting at once).
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('planregister.demo-seed'))`;
    if (await tx.auditEvent.findFirst({ where: { type: DEMO_MARKER }, select: { id: true } })) return false;

    const users = [];
    for (const [i, u] of demoUsers.entries()) {
      users.push(
        (await tx.user.findFirst({ where: { email: u.email } })) ??
          (await tx.user.create({ data: { email: u.email, name: u.name, role: u.role, passwordHash: hashes[i] } })),
      );
    }
    const owner = users.find((u) => u.role === "editor")!;
    // The example municipality: its name on pages and documents, and its register open to innsyn.
    await tx.appSettings.updateMany({ data: { municipalityName: "Røros kommune", innsynEnabled: true } });
    const period = await tx.strategyPeriod.create({
      data: {
        name: DEMO_PERIOD_NAME,
        startYear: 2020,
        endYear: 2023,
        councilConstitutedOn: date("2019-10-24"),
        draftPublishedOn: date("2020-10-29"),
        adoptedOn: date("2020-12-10"),
        adoptedBy: "kommunestyret",
        caseNumber: "20/01450",
        note: `${INVENTED} Vedtatt av kommunestyret 10. desember 2020 (fra kilden); konstitueringsdato, utleggingsdato og saksnummer er oppdiktet.`,
      },
    });
    const ids = new Map<string, number>();
    for (const p of demoPlans) {
      const plan = await tx.plan.create({
        data: {
          title: p.title,
          type: p.type,
          status: p.status,
          adoptedOn: date(p.adoptedOn),
          adoptedBy: p.adoptedBy ?? null,
          caseNumber: p.caseNumber ?? null,
          revisionDueOn: date(p.revisionDueOn),
          periodFromYear: p.periodFromYear ?? null,
          periodToYear: p.periodToYear ?? null,
          responsibleUnit: p.responsibleUnit,
          legallyRequired: p.legallyRequired ?? false,
          ownerId: owner.id,
          summary: `${p.summary} ${INVENTED}`,
          targets: { create: p.targets.map((targetCode) => ({ targetCode })) },
          strategyDecisions: {
            create: { periodId: period.id, decision: p.decision.decision, targetYear: p.decision.targetYear ?? null, note: p.decision.note ?? (p.decision.decision === "new" ? "Ny plan vedtatt i planstrategien." : "") },
          },
        },
      });
      ids.set(p.title, plan.id);
    }
    // The transport strategy supports the land-use plan, the climate plan, the public-health plan
    // and the traffic-safety plan; the health strategy absorbs (replaces) the two action plans.
    const relation = (from: string, to: string, kind: "supports" | "includes" | "replaces") => ({ fromPlanId: ids.get(from)!, toPlanId: ids.get(to)!, kind });
    await tx.planRelation.createMany({
      data: [
        relation("Transportstrategi", "Kommuneplanens arealdel", "supports"),
        relation("Transportstrategi", "Klima- og miljøplan", "supports"),
        relation("Transportstrategi", "Folkehelseplan", "supports"),
        relation("Transportstrategi", "Trafikksikkerhetsplan", "supports"),
        relation("Folkehelseplan", "Handlingsplan for selvmordsforebygging", "includes"),
        relation("Helse- og omsorgsstrategi", "Handlingsplan mot vold i nære relasjoner", "replaces"),
        relation("Helse- og omsorgsstrategi", "Handlingsplan for selvmordsforebygging", "replaces"),
      ],
    });
    await tx.auditEvent.create({
      data: { type: DEMO_MARKER, entityType: "strategy_period", entityId: String(period.id), after: { plans: demoPlans.length, users: demoUsers.length } },
    });
    return true;
  }, { timeout: 60_000 });
}
