// A plan's stages and national codes as pages and the API show them: plain JSON (dates as
// YYYY-MM-DD), the same for the register, innsyn and /api/v1 (lib/public/fields.ts describes it).
import type { PlanStatus, PlanType } from "../generated/prisma/enums";
import { isoDate } from "../dates";
import { consultationDeadlinePassed, consultationRounds, consultationState, type ConsultationColumns, type ConsultationState } from "./consultation";
import { isAreaPlanType, sosiCodes } from "./sosi";

export type ConsultationView = { round: 1 | 2; from: string; to: string; url: string | null; state: ConsultationState; deadlinePassed: boolean };
export type StageRow = ConsultationColumns & {
  type: PlanType; status: PlanStatus; adoptedOn: Date | null; startNoticeOn: Date | null;
  nationalPlanId: string | null; sosiPlantype: number | null; sosiPlanstatus: number | null;
};

/** Every recorded round; only the latest can be "høringsfrist utløpt". */
export function consultationViews(row: ConsultationColumns & Pick<StageRow, "status" | "adoptedOn">, today: Date): ConsultationView[] {
  const rounds = consultationRounds(row);
  const passed = consultationDeadlinePassed(row, today);
  return rounds.map((r, i) => ({
    round: r.round, from: isoDate(r.from), to: isoDate(r.to), url: r.url, state: consultationState(r, today),
    deadlinePassed: i === rounds.length - 1 && passed,
  }));
}

/** The fields the API and the pages add for a plan's stages and national codes. */
export function stageFields(row: StageRow, today: Date) {
  const codes = sosiCodes(row);
  return {
    startNoticeOn: row.startNoticeOn ? isoDate(row.startNoticeOn) : null,
    consultation: consultationViews(row, today).at(-1) ?? null,
    nationalPlanId: isAreaPlanType(row.type) ? row.nationalPlanId : null,
    sosiPlantype: codes.sosiPlantype,
    sosiPlanstatus: codes.sosiPlanstatus,
  };
}

/** The columns stageFields reads (for Prisma selects). */
export const stageSelect = {
  startNoticeOn: true, consultationFrom: true, consultationTo: true, consultationUrl: true, consultation2From: true, consultation2To: true,
  consultation2Url: true, nationalPlanId: true, sosiPlantype: true, sosiPlanstatus: true,
} as const;
