// What the plan form offers to choose from, and a plan's current values as form strings.
import "server-only";
import { db } from "../db";
import type { Locale } from "../i18n/config";
import { goalTitle, targetText } from "../sdg";
import { isoDate } from "../dates";
import type { PlanDetail } from "./queries";

export type SdgGoalOption = { code: number; title: string; targets: { code: string; text: string; lang: string }[] };
export type PlanOption = { id: number; title: string };
export type PlanFormOptions = { goals: SdgGoalOption[]; plans: PlanOption[]; owners: PlanOption[] };

/** All 169 targets grouped by goal in the UI language, all active plans, all active users. */
export async function planFormOptions(locale: Locale): Promise<PlanFormOptions> {
  const [goals, plans, owners] = await Promise.all([
    db.sdgGoal.findMany({ orderBy: { code: "asc" }, include: { targets: { orderBy: { sortOrder: "asc" } } } }),
    db.plan.findMany({ where: { archivedAt: null }, select: { id: true, title: true }, orderBy: [{ title: "asc" }, { id: "asc" }] }),
    db.user.findMany({ where: { active: true }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return {
    goals: goals.map((g) => ({
      code: g.code,
      title: goalTitle(g, locale),
      targets: g.targets.map((t) => {
        const text = targetText(t, locale);
        return { code: t.code, text: text.text, lang: text.lang };
      }),
    })),
    plans,
    owners: owners.map((o) => ({ id: o.id, title: o.name })),
  };
}

export type PlanFormInitial = { fields: Record<string, string>; targets: string[]; documents: { label: string; url: string }[]; relations: { kind: string; planId: string }[] };

export const emptyPlanForm: PlanFormInitial = {
  fields: { type: "temaplan", status: "planlagt", legallyRequired: "", publicDraft: "" },
  targets: [],
  documents: [],
  relations: [],
};

/** A plan's current values for the edit form. */
export function planFormInitial(plan: PlanDetail): PlanFormInitial {
  const s = (v: string | number | null | undefined) => (v === null || v === undefined ? "" : String(v));
  const d = (v: Date | null) => (v ? isoDate(v) : "");
  return {
    fields: {
      id: String(plan.id), version: String(plan.version), title: plan.title, type: plan.type, status: plan.status,
      adoptedOn: plan.adoptedOn ? isoDate(plan.adoptedOn) : "", adoptedBy: s(plan.adoptedBy), caseNumber: s(plan.caseNumber),
      decisionUrl: s(plan.decisionUrl), revisionDueOn: plan.revisionDueOn ? isoDate(plan.revisionDueOn) : "",
      periodFromYear: s(plan.periodFromYear), periodToYear: s(plan.periodToYear), responsibleUnit: s(plan.responsibleUnit),
      ownerId: s(plan.ownerId), summary: plan.summary, legallyRequired: plan.legallyRequired ? "on" : "",
      publicDraft: plan.publicDraft ? "on" : "",
      startNoticeOn: d(plan.startNoticeOn), consultationFrom: d(plan.consultationFrom), consultationTo: d(plan.consultationTo),
      consultationUrl: s(plan.consultationUrl), consultation2From: d(plan.consultation2From), consultation2To: d(plan.consultation2To),
      consultation2Url: s(plan.consultation2Url), nationalPlanId: s(plan.nationalPlanId), sosiPlantype: s(plan.sosiPlantype), sosiPlanstatus: s(plan.sosiPlanstatus),
    },
    targets: plan.targets.map((t) => t.targetCode),
    documents: plan.documents.map((d) => ({ label: d.label, url: d.url })),
    relations: plan.relationsFrom.map((r) => ({ kind: r.kind, planId: String(r.toPlanId) })),
  };
}
