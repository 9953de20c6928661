import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { DateText } from "@/components/ui/date-text";
import { mapLink } from "@/lib/links";
import type { ConsultationView } from "@/lib/plans/stage-view";
import { isAreaPlanType } from "@/lib/plans/sosi";
import { ConsultationDetails } from "./consultation-text";

export type StageFactsData = {
  title: string; type: string; startNoticeOn: string | null; consultations: ConsultationView[];
  nationalPlanId: string | null; sosiPlantype: number | null; sosiPlanstatus: number | null;
};

/** One row of a facts list (<dl>): label and value. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-1 gap-1 py-2 sm:grid-cols-3">
      <dt className="font-medium text-gray-700">{label}</dt>
      <dd className="sm:col-span-2">{children}</dd>
    </div>
  );
}

/** The plan's stages and, for an area plan, its national id (with "Se planen i kart") and SOSI codes: rows of a plan's facts list. */
export async function StageFacts({ plan, mapTemplate }: { plan: StageFactsData; mapTemplate: string | null }) {
  const t = await getTranslations("plans.detail");
  const tEnum = await getTranslations("enums");
  const tCommon = await getTranslations("common");
  const notSet = <span className="text-gray-600">{tCommon("notSet")}</span>;
  const map = mapLink(mapTemplate, plan.nationalPlanId);
  const code = (n: number | null, list: "sosiPlantype" | "sosiPlanstatus") => (n === null ? notSet : `${n} ${tEnum(`${list}.${n}` as `sosiPlantype.20`)}`);
  return (
    <>
      {plan.startNoticeOn ? <Fact label={t("fields.startNoticeOn")}><DateText value={new Date(`${plan.startNoticeOn}T00:00:00Z`)} /></Fact> : null}
      {plan.consultations.length === 0 ? <Fact label={t("fields.consultation")}>{notSet}</Fact> : null}
      {plan.consultations.map((c) => (
        <Fact key={c.round} label={c.round === 2 ? t("fields.consultation2") : t("fields.consultation")}><ConsultationDetails consultation={c} title={plan.title} /></Fact>
      ))}
      {isAreaPlanType(plan.type) ? (
        <>
          <Fact label={t("fields.nationalPlanId")}>
            {plan.nationalPlanId ?? notSet}
            {map ? <> · <a href={map} className="ds-link" rel="noopener noreferrer">{t("mapLink")}</a></> : null}
          </Fact>
          <Fact label={t("fields.sosiPlantype")}>{code(plan.sosiPlantype, "sosiPlantype")}</Fact>
          <Fact label={t("fields.sosiPlanstatus")}>{code(plan.sosiPlanstatus, "sosiPlanstatus")}</Fact>
        </>
      ) : null}
    </>
  );
}
