// The whole per-plan SDG table under the page's filters as CSV (the page shows it a page at a
// time). A route handler: it checks the session and the permission itself.
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { todayInOslo } from "@/lib/dates";
import { can } from "@/lib/permissions";
import { coverageCsvResponse } from "@/lib/sdg/download";
import { sdgCoverageParamsSchema } from "@/lib/sdg/schema";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in first.", { status: 401 });
  if (!can(user.role, "plan.read")) return new Response("Forbidden.", { status: 403 });
  const search = new URL(request.url).searchParams;
  const params = sdgCoverageParamsSchema.parse({ type: search.getAll("type"), unit: search.getAll("unit") });
  const t = await getTranslations("sdgCoverage");
  const tEnum = await getTranslations("enums");
  return coverageCsvResponse(`baerekraftsmal-${todayInOslo().toISOString().slice(0, 10)}.csv`, params, {
    id: t("csvId"), title: t("plan"), type: t("type"), unit: t("unit"),
    goal: (code) => t("csvGoal", { code }), planType: (type) => tEnum(`planType.${type}`),
  });
}
