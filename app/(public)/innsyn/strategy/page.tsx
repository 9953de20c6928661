import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { Section, EmptyNote } from "@/components/ui/section";
import { DateText } from "@/components/ui/date-text";
import { CompletionSummary } from "@/components/periods/completion-summary";
import { optional } from "@/lib/url-params";
import { requireInnsyn } from "@/lib/public/guard";
import { innsynStrategy, PROGRAM_PUBLIC_PAGE_SIZE } from "@/lib/public/pages";
import { CaseNumber } from "@/components/stages/case-number";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const date = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);
const pageSchema = z.object({ page: optional(z.coerce.number().int().min(1).max(100_000)) });

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("innsyn.strategy"))("title") };
}

export default async function InnsynStrategyPage({ searchParams }: Props) {
  const settings = await requireInnsyn();
  const page = pageSchema.parse(await searchParams).page ?? 1;
  const period = await innsynStrategy(page);
  const t = await getTranslations("innsyn.strategy");
  const tEnum = await getTranslations("enums");
  const tOutcome = await getTranslations("outcome");
  const tDetail = await getTranslations("plans.detail");
  if (!period) return (<><PageHeader title={t("title")} /><EmptyNote>{t("none")}</EmptyNote></>);
  const th = "px-3 py-2 text-left font-semibold";
  const decided = period.completion.overall.total + period.completion.byKind.continue.total;
  return (
    <>
      <PageHeader title={period.name} lead={t("intro")} />
      <dl className="grid max-w-xl grid-cols-2 gap-2 rounded border border-gray-300 bg-white p-4">
        <dt className="font-medium text-gray-700">{tDetail("fields.adoptedOn")}</dt><dd><DateText value={date(period.adoptedOn)} /></dd>
        <dt className="font-medium text-gray-700">{tDetail("fields.adoptedBy")}</dt><dd>{period.adoptedBy ? tEnum(`decisionBody.${period.adoptedBy}`) : "–"}</dd>
        <dt className="font-medium text-gray-700">{tDetail("fields.caseNumber")}</dt><dd>{period.caseNumber ? <CaseNumber value={period.caseNumber} template={settings.caseLinkTemplate} /> : "–"}</dd>
      </dl>
      <Section id="completion" title={t("completion")}>
        <CompletionSummary overall={period.completion.overall} />
      </Section>
      <Section id="program" title={t("program")}>
        {period.program.length === 0 ? <EmptyNote>{t("programEmpty")}</EmptyNote> : (
          <ScrollRegion label={t("program")} className="scroll-region">
            <table className="ds-table" data-size="sm">
              <caption className="sr-only">{t("program")}</caption>
              <thead>
                <tr>
                  <th scope="col" className={th}>{t("plan")}</th>
                  <th scope="col" className={th}>{t("decision")}</th>
                  <th scope="col" className={th}>{t("targetYear")}</th>
                  <th scope="col" className={th}>{t("status")}</th>
                  <th scope="col" className={th}>{t("outcome")}</th>
                </tr>
              </thead>
              <tbody>
                {period.program.map((row) => (
                  <tr key={`${row.decision}-${row.plan.id}`}>
                    <th scope="row" className="px-3 py-2 text-left font-medium"><Link href={`/innsyn/plans/${row.plan.id}`} className="ds-link">{row.plan.title}</Link></th>
                    <td className="px-3 py-2">{tEnum(`strategyDecision.${row.decision}`)}</td>
                    <td className="px-3 py-2">{row.targetYear ?? ""}</td>
                    <td className="px-3 py-2">{tEnum(`planStatus.${row.plan.status}`)}</td>
                    <td className="px-3 py-2">{tOutcome(row.outcome)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        <Pagination page={page} pages={Math.max(1, Math.ceil(period.programTotal / PROGRAM_PUBLIC_PAGE_SIZE))} href={(p) => `/innsyn/strategy?page=${p}`} />
        {decided > period.programTotal ? <p className="mt-2 text-sm text-gray-700">{t("onlyPublic", { shown: period.programTotal, count: decided })}</p> : null}
      </Section>
    </>
  );
}
