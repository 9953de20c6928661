// A period's whole planprogram as CSV (the page itself is paged).
// Guarded by authedRoute (session, plan.read, the path).
import { getTranslations } from "next-intl/server";
import { authedRoute, idParamsSchema } from "@/lib/route";
import { DomainError } from "@/lib/errors";
import { csvResponse } from "@/lib/csv";
import { todayInOslo } from "@/lib/dates";
import { getPeriod, programBatch } from "@/lib/periods/queries";
import { municipalFileName } from "@/lib/tenant-files";

export const dynamic = "force-dynamic";

export const GET = authedRoute("plan.read", { params: idParamsSchema }, async ({ params: { id } }) => {
  const period = await getPeriod(id);
  if (!period) throw new DomainError("not_found", "periodUnknown");
  const t = await getTranslations("periods");
  const tEnum = await getTranslations("enums");
  const tOutcome = await getTranslations("outcome");
  const today = todayInOslo();
  const columns = ["plan", "type", "adoptedOn", "decision", "targetYear", "unit", "status", "outcome"] as const;
  const header = ["id", ...columns.map((c) => t(`programColumns.${c}`)), t("programColumns.archived")];
  return csvResponse(await municipalFileName(`planprogram-${period.id}-${today.toISOString().slice(0, 10)}.csv`), header, async (batch) =>
    (await programBatch(period, today, batch)).map((d) => [
      d.plan.id, d.plan.title, tEnum(`planType.${d.plan.type}`), d.plan.adoptedOn, tEnum(`strategyDecision.${d.decision}`), d.targetYear,
      d.plan.responsibleUnit, tEnum(`planStatus.${d.plan.status}`), tOutcome(d.outcome), d.plan.archived ? t("archived") : "",
    ]),
  );
});
