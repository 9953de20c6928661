// The iCal text of the revision-due-date feed: a pure function of the plans and the app's address,
// so tests can parse exactly what calendar apps get. Bokmål, as the UI's default language.
import ical, { ICalCalendarMethod } from "ical-generator";
import { createTranslator } from "next-intl";
import nb from "../i18n/messages/nb.json";
import { isoDate } from "../dates";
import type { PlanStatus, PlanType } from "../generated/prisma/enums";

/** What the feed shows of one plan; revisionDueOn is a date-only value (UTC midnight). */
export type FeedPlan = {
  id: number;
  title: string;
  type: PlanType;
  status: PlanStatus;
  responsibleUnit: string | null;
  revisionDueOn: Date;
  updatedAt: Date;
};

/** A consultation deadline (høringsfrist) in the feed: one all-day event on the last day for comments. */
export type FeedConsultation = { planId: number; title: string; round: 1 | 2; to: Date; url: string | null; updatedAt: Date };

const t = createTranslator({ locale: "nb", messages: nb });

const DAY_MS = 86_400_000;
// Calendar apps poll; twice a day is plenty for due dates that change a few times a year.
const REFRESH_SECONDS = 12 * 3600;

/** A stable UID: calendar apps update an event in place instead of adding a copy. */
export const planEventUid = (planId: number) => `plan-${planId}-revision@planregister`;
export const consultationEventUid = (planId: number, round: 1 | 2) => `plan-${planId}-consultation-${round}@planregister`;

/** The .ics text with one all-day event per plan's revision date and one per consultation deadline. */
export function buildCalendarFeed(plans: readonly FeedPlan[], baseUrl: string, consultations: readonly FeedConsultation[] = []): string {
  const calendar = ical({
    name: t("calendar.feed.name"),
    description: t("calendar.feed.description"),
    prodId: { company: "Planregister", product: "Planregister", language: "NB" },
    method: ICalCalendarMethod.PUBLISH,
    ttl: REFRESH_SECONDS,
    // Deliberately no `timezone` option: the library then writes dates in UTC, which keeps a
    // `date` column's UTC midnight on its own day; with a zone it converts and can shift a day.
    // X-WR-TIMEZONE only tells apps the zone of the publisher.
    x: { "X-WR-TIMEZONE": "Europe/Oslo" },
  });
  for (const plan of plans) {
    const url = `${baseUrl}/plans/${plan.id}`;
    calendar.createEvent({
      id: planEventUid(plan.id),
      allDay: true,
      // isoDate reads the stored calendar date; the strings pin it against any local time zone.
      start: isoDate(plan.revisionDueOn),
      end: isoDate(new Date(plan.revisionDueOn.getTime() + DAY_MS)),
      stamp: plan.updatedAt,
      summary: t("calendar.feed.summary", { title: plan.title }),
      description: describe(plan, url),
      url,
    });
  }
  for (const c of consultations) {
    const url = `${baseUrl}/plans/${c.planId}`;
    calendar.createEvent({
      id: consultationEventUid(c.planId, c.round),
      allDay: true,
      start: isoDate(c.to),
      end: isoDate(new Date(c.to.getTime() + DAY_MS)),
      stamp: c.updatedAt,
      summary: t("calendar.feed.consultationSummary", { title: c.title }),
      description: [c.round === 2 ? t("consultation.round2") : t("plans.fields.consultationTo"), ...(c.url ? [`${t("consultation.documents")}: ${c.url}`] : []), "", url].join("\n"),
      url,
    });
  }
  return calendar.toString();
}

function describe(plan: FeedPlan, url: string): string {
  return [
    `${t("plans.fields.type")}: ${t(`enums.planType.${plan.type}`)}`,
    `${t("plans.fields.responsibleUnit")}: ${plan.responsibleUnit ?? t("common.notSet")}`,
    `${t("plans.fields.status")}: ${t(`enums.planStatus.${plan.status}`)}`,
    "",
    url,
  ].join("\n");
}
