import { getTranslations } from "next-intl/server";
import { DateText } from "@/components/ui/date-text";
import type { Period } from "@/lib/periods/queries";
import { getSettings } from "@/lib/settings";
import { CaseNumber } from "@/components/stages/case-number";

/** The period's registered facts as a description list. */
export async function PeriodFacts({ period }: { period: Period }) {
  const t = await getTranslations("periods");
  const tEnum = await getTranslations("enums.decisionBody");
  const notSet = (await getTranslations("common"))("notSet");
  const rows: [string, React.ReactNode][] = [
    [t("fields.councilConstitutedOn"), <DateText key="c" value={period.councilConstitutedOn} />],
    [t("fields.plannedMeetingOn"), <DateText key="m" value={period.plannedMeetingOn} />],
    [t("fields.draftPublishedOn"), <DateText key="d" value={period.draftPublishedOn} />],
    [t("fields.adoptedOn"), <DateText key="a" value={period.adoptedOn} />],
    [t("fields.adoptedBy"), period.adoptedBy ? tEnum(period.adoptedBy) : notSet],
    [t("fields.caseNumber"), period.caseNumber ? <CaseNumber key="n" value={period.caseNumber} template={(await getSettings()).caseLinkTemplate} /> : notSet],
    [t("fields.decisionUrl"), period.decisionUrl ? <a key="u" href={period.decisionUrl} className="break-all ds-link">{period.decisionUrl}</a> : notSet],
  ];
  return (
    <section aria-labelledby="facts-heading">
      <h2 id="facts-heading" className="sr-only">{t("facts")}</h2>
      <dl className="grid max-w-3xl grid-cols-1 gap-x-4 gap-y-2 rounded border border-[var(--ds-color-neutral-border-subtle)] bg-[var(--ds-color-neutral-background-default)] p-4 sm:grid-cols-3">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium text-gray-700">{label}</dt>
            <dd className="sm:col-span-2">{value}</dd>
          </div>
        ))}
      </dl>
      {period.note ? <p className="mt-3 max-w-3xl whitespace-pre-line text-gray-800">{period.note}</p> : null}
    </section>
  );
}
