import { getTranslations } from "next-intl/server";
import { DateText } from "@/components/ui/date-text";
import { DueText } from "@/components/schedule/due-text";
import { isActivePlan } from "@/lib/plans/active";
import { isoDate, todayInOslo } from "@/lib/dates";
import type { PlanDetail } from "@/lib/plans/queries";
import { consultationViews } from "@/lib/plans/stage-view";
import { sosiCodes } from "@/lib/plans/sosi";
import { getSettings } from "@/lib/settings";
import { CaseNumber } from "@/components/stages/case-number";
import { Fact, StageFacts } from "@/components/stages/stage-facts";
import type { PublicPlanDetail } from "@/lib/public/fields";

/** A public plan's dates are days ("2022-06-16"); the register's are Dates. */
const day = (value: Date | string | null) => (typeof value === "string" ? new Date(`${value}T00:00:00Z`) : value);

/** Signed-in: every field of a plan. Public: only the allow-listed fields (lib/public/fields.ts) — no owner, no version. */
type Props = { audience: "staff"; plan: PlanDetail } | { audience: "public"; plan: PublicPlanDetail };

/** A plan's fields as a description list. */
export async function PlanFacts(props: Props) {
  const { plan } = props;
  const staff = props.audience === "staff" ? props.plan : null;
  const t = await getTranslations("plans.detail");
  const tEnum = await getTranslations("enums");
  const tCommon = await getTranslations("common");
  const notSet = <span className="text-gray-600">{tCommon("notSet")}</span>;
  const settings = await getSettings();
  const today = todayInOslo();
  const dueOn = day(plan.revisionDueOn);
  // Public plans are never archived, repealed or replaced (lib/public/visibility.ts).
  const showDue = dueOn !== null && (staff ? isActivePlan(staff) : true);
  return (
    <dl aria-label={t("facts")} className="divide-y divide-gray-200 rounded border border-gray-300 bg-white px-4">
      <Fact label={t("fields.type")}>{tEnum(`planType.${plan.type}`)}</Fact>
      <Fact label={t("fields.status")}>{tEnum(`planStatus.${plan.status}`)}</Fact>
      <Fact label={t("fields.adoptedOn")}><DateText value={day(plan.adoptedOn)} /></Fact>
      <Fact label={t("fields.adoptedBy")}>{plan.adoptedBy ? tEnum(`decisionBody.${plan.adoptedBy}`) : notSet}</Fact>
      <Fact label={t("fields.caseNumber")}>{plan.caseNumber ? <CaseNumber value={plan.caseNumber} template={settings.caseLinkTemplate} /> : notSet}</Fact>
      <Fact label={t("fields.decisionUrl")}>
        {plan.decisionUrl ? <a href={plan.decisionUrl} className="ds-link" rel="noopener noreferrer">{t("openDecision")}</a> : notSet}
      </Fact>
      <Fact label={t("fields.revisionDueOn")}>
        <DateText value={dueOn} />
        {showDue ? <> <DueText dueOn={dueOn} today={today} /></> : null}
      </Fact>
      <StageFacts plan={staff ? { ...staff, ...sosiCodes(staff), startNoticeOn: staff.startNoticeOn ? isoDate(staff.startNoticeOn) : null, consultations: consultationViews(staff, today) } : (plan as PublicPlanDetail)} mapTemplate={settings.mapLinkTemplate} />
      <Fact label={t("fields.period")}>
        {plan.periodFromYear || plan.periodToYear ? t("periodRange", { from: String(plan.periodFromYear ?? "…"), to: String(plan.periodToYear ?? "…") }) : notSet}
      </Fact>
      <Fact label={t("fields.responsibleUnit")}>{plan.responsibleUnit ?? notSet}</Fact>
      {staff ? <Fact label={t("fields.owner")}>{staff.owner?.name ?? notSet}</Fact> : null}
      <Fact label={t("fields.legallyRequired")}>{plan.legallyRequired ? tCommon("yes") : tCommon("no")}</Fact>
      {staff ? <Fact label={t("fields.version")}>{staff.version}</Fact> : null}
      <Fact label={t("fields.summary")}>{plan.summary || notSet}</Fact>
    </dl>
  );
}
