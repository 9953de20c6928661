// A period's whole planprogram as CSV (the page itself is paged).
// A route handler: it checks the session and the permission itself.
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/permissions";
import { csvResponse } from "@/lib/csv";
import { todayInOslo } from "@/lib/dates";
import { parseId } from "@/lib/ids";
import { getPeriod, programBatch } from "@/lib/periods/queries";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in first.", { status: 401 });
  if (!can(user.role, "plan.read")) return new Response("Forbidden.", { status: 403 });
  const id = parseId((await params).id);
  const period = id ? await getPeriod(id) : null;
  if (!period) return new Response("Not found.", { status: 404 });
  const t = await getTranslations("periods");
  const tEnum = await getTranslations("enums");
  const tOutcome = await getTranslations("outcome");
  const today = todayInOslo();
  const columns = ["plan", "type", "adoptedOn", "decision", "targetYear", "unit", "status", "outcome"] as const;
  const header = ["id", ...columns.map((c) => t(`programColumns.${c}`)), t("programColumns.archived")];
  return csvResponse(`planprogram-${period.id}-${today.toISOString().slice(0, 10)}.csv`, header, async (batch) =>
    (await programBatch(period, today, batch)).map((d) => [
      d.plan.id, d.plan.title, tEnum(`planType.${d.plan.type}`), d.plan.adoptedOn, tEnum(`strategyDecision.${d.decision}`), d.targetYear,
      d.plan.responsibleUnit, tEnum(`planStatus.${d.plan.status}`), tOutcome(d.outcome), d.plan.archived ? t("archived") : "",
    ]),
  );
}
