// National codes for area plans (kart- og planforskriften § 12, SOSI Plan): the code lists, the one
// table from our type and status to them, and the national plan id (docs/decisions/049).
// Client-safe: the plan form uses the same lists and the same id rule as the server.
import type { PlanStatus, PlanType } from "../generated/prisma/enums";

/** SOSI Plan's plantype list (names in messages: enums.sosiPlantype). */
export const SOSI_PLANTYPES = [4, 10, 11, 12, 20, 21, 22, 30, 31, 32, 33, 34, 35] as const;
/** SOSI Plan's planstatus list (names in messages: enums.sosiPlanstatus). */
export const SOSI_PLANSTATUSES = [1, 2, 3, 4, 5, 6, 8] as const;

/** Our plan types that are area plans (arealplaner) and so may carry a national plan id and SOSI codes. */
export const AREA_PLAN_TYPES = ["kommuneplan_arealdel", "kommunedelplan", "reguleringsplan"] as const satisfies readonly PlanType[];
export const isAreaPlanType = (type: string): boolean => (AREA_PLAN_TYPES as readonly string[]).includes(type);

/**
 * The mapping table. null: no single national code fits (a reguleringsplan is områderegulering 34 or
 * detaljregulering 35; a planned plan is not yet in the national register) — chosen by hand.
 */
export const SOSI_PLANTYPE_BY_TYPE: Record<(typeof AREA_PLAN_TYPES)[number], number | null> = {
  kommuneplan_arealdel: 20,
  kommunedelplan: 21,
  reguleringsplan: null,
};
export const SOSI_PLANSTATUS_BY_STATUS: Record<PlanStatus, number | null> = {
  planlagt: null,
  under_utarbeidelse: 1,
  pa_horing: 2,
  vedtatt: 3,
  under_revisjon: 3,
  opphevet: 4,
  erstattet: 5,
};

/** The codes an area plan carries: the hand choice where one was made, otherwise the table's. */
export function sosiCodes(plan: { type: PlanType; status: PlanStatus; sosiPlantype: number | null; sosiPlanstatus: number | null }): { sosiPlantype: number | null; sosiPlanstatus: number | null } {
  if (!isAreaPlanType(plan.type)) return { sosiPlantype: null, sosiPlanstatus: null };
  return {
    sosiPlantype: plan.sosiPlantype ?? SOSI_PLANTYPE_BY_TYPE[plan.type as (typeof AREA_PLAN_TYPES)[number]],
    sosiPlanstatus: plan.sosiPlanstatus ?? SOSI_PLANSTATUS_BY_STATUS[plan.status],
  };
}

// County numbers a kommunenummer may start with: today's counties and earlier ones (plans keep the
// number of the municipality that made them, also after a merger).
const COUNTIES = new Set(["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "14", "15", "16", "17", "18", "19", "20", "30", "31", "32", "33", "34", "38", "39", "40", "42", "46", "50", "54", "55", "56"]);
const NATIONAL_ID = /^(\d{4})\s*[_\-\s/]\s*([0-9A-Za-z][0-9A-Za-z._-]{0,15})$/;

/** A valid kommunenummer: four digits, a known county, a municipality number other than 00. */
export function isKommunenummer(s: string): boolean {
  return /^\d{4}$/.test(s) && COUNTIES.has(s.slice(0, 2)) && s.slice(2) !== "00";
}

/** "3024_201701" for "3024-201701", "3024 201701" or "3024_201701"; null when it is not kommunenummer + planidentifikasjon. */
export function parseNationalPlanId(text: string): { kommunenummer: string; planid: string; id: string } | null {
  const m = NATIONAL_ID.exec(text.trim());
  if (!m || !isKommunenummer(m[1]!)) return null;
  return { kommunenummer: m[1]!, planid: m[2]!, id: `${m[1]}_${m[2]}` };
}
