import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { DateText } from "@/components/ui/date-text";
import { DueText } from "@/components/schedule/due-text";
import { todayInOslo } from "@/lib/dates";
import type { PublicPlanDetail } from "@/lib/public/fields";
import { getSettings } from "@/lib/settings";
import { CaseNumber } from "@/components/stages/case-number";
import { StageFacts } from "@/components/stages/stage-facts";

const date = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-1 gap-1 py-2 sm:grid-cols-3">
      <dt className="font-medium text-gray-700">{label}</dt>
      <dd className="sm:col-span-2">{children}</dd>
    </div>
  );
}

/** A public plan's allow-listed fields as a description list. */
export async function PublicPlanFacts({ plan }: { plan: PublicPlanDetail }) {
  const t = await getTranslations("plans.detail");
  const tEnum = await getTranslations("enums");
  const tCommon = await getTranslations("common");
  const notSet = <span className="text-gray-600">{tCommon("notSet")}</span>;
  const settings = await getSettings();
  return (
    <dl aria-label={t("facts")} className="divide-y divide-gray-200 rounded border border-gray-300 bg-white px-4">
      <Fact label={t("fields.type")}>{tEnum(`planType.${plan.type}`)}</Fact>
      <Fact label={t("fields.status")}>{tEnum(`planStatus.${plan.status}`)}</Fact>
      <Fact label={t("fields.adoptedOn")}><DateText value={date(plan.adoptedOn)} /></Fact>
      <Fact label={t("fields.adoptedBy")}>{plan.adoptedBy ? tEnum(`decisionBody.${plan.adoptedBy}`) : notSet}</Fact>
      <Fact label={t("fields.caseNumber")}>{plan.caseNumber ? <CaseNumber value={plan.caseNumber} template={settings.caseLinkTemplate} /> : notSet}</Fact>
      <Fact label={t("fields.decisionUrl")}>
        {plan.decisionUrl ? <a href={plan.decisionUrl} className="ds-link" rel="noopener noreferrer">{t("openDecision")}</a> : notSet}
      </Fact>
      <Fact label={t("fields.revisionDueOn")}>
        <DateText value={date(plan.revisionDueOn)} />
        {plan.revisionDueOn ? <> <DueText dueOn={date(plan.revisionDueOn)} today={todayInOslo()} /></> : null}
      </Fact>
      <StageFacts plan={plan} mapTemplate={settings.mapLinkTemplate} />
      <Fact label={t("fields.period")}>
        {plan.periodFromYear || plan.periodToYear ? t("periodRange", { from: String(plan.periodFromYear ?? "…"), to: String(plan.periodToYear ?? "…") }) : notSet}
      </Fact>
      <Fact label={t("fields.responsibleUnit")}>{plan.responsibleUnit ?? notSet}</Fact>
      <Fact label={t("fields.legallyRequired")}>{plan.legallyRequired ? tCommon("yes") : tCommon("no")}</Fact>
      <Fact label={t("fields.summary")}>{plan.summary || notSet}</Fact>
    </dl>
  );
}
