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

/** Every field of a plan as a description list. */
export async function PlanFacts({ plan }: { plan: PlanDetail }) {
  const t = await getTranslations("plans.detail");
  const tEnum = await getTranslations("enums");
  const tCommon = await getTranslations("common");
  const notSet = <span className="text-gray-600">{tCommon("notSet")}</span>;
  const settings = await getSettings();
  const today = todayInOslo();
  return (
    <dl aria-label={t("facts")} className="divide-y divide-gray-200 rounded border border-gray-300 bg-white px-4">
      <Fact label={t("fields.type")}>{tEnum(`planType.${plan.type}`)}</Fact>
      <Fact label={t("fields.status")}>{tEnum(`planStatus.${plan.status}`)}</Fact>
      <Fact label={t("fields.adoptedOn")}><DateText value={plan.adoptedOn} /></Fact>
      <Fact label={t("fields.adoptedBy")}>{plan.adoptedBy ? tEnum(`decisionBody.${plan.adoptedBy}`) : notSet}</Fact>
      <Fact label={t("fields.caseNumber")}>{plan.caseNumber ? <CaseNumber value={plan.caseNumber} template={settings.caseLinkTemplate} /> : notSet}</Fact>
      <Fact label={t("fields.decisionUrl")}>
        {plan.decisionUrl ? (
          <a href={plan.decisionUrl} className="ds-link" rel="noopener noreferrer">
            {t("openDecision")}
          </a>
        ) : (
          notSet
        )}
      </Fact>
      <Fact label={t("fields.revisionDueOn")}>
        <DateText value={plan.revisionDueOn} />
        {isActivePlan(plan) && plan.revisionDueOn ? <> <DueText dueOn={plan.revisionDueOn} today={today} /></> : null}
      </Fact>
      <StageFacts plan={{ ...plan, ...sosiCodes(plan), startNoticeOn: plan.startNoticeOn ? isoDate(plan.startNoticeOn) : null, consultations: consultationViews(plan, today) }} mapTemplate={settings.mapLinkTemplate} />
      <Fact label={t("fields.period")}>
        {plan.periodFromYear || plan.periodToYear
          ? t("periodRange", { from: String(plan.periodFromYear ?? "…"), to: String(plan.periodToYear ?? "…") })
          : notSet}
      </Fact>
      <Fact label={t("fields.responsibleUnit")}>{plan.responsibleUnit ?? notSet}</Fact>
      <Fact label={t("fields.owner")}>{plan.owner?.name ?? notSet}</Fact>
      <Fact label={t("fields.legallyRequired")}>{plan.legallyRequired ? tCommon("yes") : tCommon("no")}</Fact>
      <Fact label={t("fields.version")}>{plan.version}</Fact>
      <Fact label={t("fields.summary")}>{plan.summary || notSet}</Fact>
    </dl>
  );
}
