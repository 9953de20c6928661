// The whole revision schedule under the page's filters as CSV (the page itself is paged).
// A route handler: it checks the session and the permission itself.
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/permissions";
import { csvResponse } from "@/lib/csv";
import { todayInOslo } from "@/lib/dates";
import { dueState } from "@/lib/schedule/due";
import { scheduleParamsSchema } from "@/lib/schedule/params";
import { scheduleBatch } from "@/lib/schedule/queries";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in first.", { status: 401 });
  if (!can(user.role, "plan.read")) return new Response("Forbidden.", { status: 403 });
  const query = Object.fromEntries([...new URL(request.url).searchParams.keys()].map((k) => [k, new URL(request.url).searchParams.getAll(k)]));
  const params = scheduleParamsSchema.parse(query);
  const t = await getTranslations("schedule");
  const tEnum = await getTranslations("enums");
  const tState = await getTranslations("dueState");
  const today = todayInOslo();
  const header = ["id", t("columns.plan"), t("columns.type"), t("columns.unit"), t("columns.owner"), t("columns.adoptedOn"), t("columns.revisionDueOn"), t("columns.state")];
  return csvResponse(`revisjonsplan-${today.toISOString().slice(0, 10)}.csv`, header, async (batch) =>
    (await scheduleBatch(params, batch)).map((p) => [
      p.id, p.title, tEnum(`planType.${p.type}`), p.responsibleUnit, p.owner?.name, p.adoptedOn, p.revisionDueOn, tState(dueState(p.revisionDueOn, today)),
    ]),
  );
}
