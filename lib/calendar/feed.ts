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

const t = createTranslator({ locale: "nb", messages: nb });

const DAY_MS = 86_400_000;
// Calendar apps poll; twice a day is plenty for due dates that change a few times a year.
const REFRESH_SECONDS = 12 * 3600;

/** A stable UID: calendar apps update an event in place instead of adding a copy. */
export const planEventUid = (planId: number) => `plan-${planId}-revision@planregister`;

/** The .ics text with one all-day event per plan. */
export function buildCalendarFeed(plans: readonly FeedPlan[], baseUrl: string): string {
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
