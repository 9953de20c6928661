// The whole per-plan SDG table under the page's filters as CSV (the page shows it a page at a
// time). Guarded by authedRoute (session, plan.read, the query).
import { getTranslations } from "next-intl/server";
import { authedRoute } from "@/lib/route";
import { todayInOslo } from "@/lib/dates";
import { coverageCsvResponse } from "@/lib/sdg/download";
import { sdgCoverageParamsSchema } from "@/lib/sdg/schema";
import { municipalFileName } from "@/lib/tenant-files";

export const dynamic = "force-dynamic";

export const GET = authedRoute("plan.read", { query: sdgCoverageParamsSchema }, async ({ query }) => {
  const t = await getTranslations("sdgCoverage");
  const tEnum = await getTranslations("enums");
  return coverageCsvResponse(await municipalFileName(`baerekraftsmal-${todayInOslo().toISOString().slice(0, 10)}.csv`), query, {
    id: t("csvId"), title: t("plan"), type: t("type"), unit: t("unit"),
    goal: (code) => t("csvGoal", { code }), planType: (type) => tEnum(`planType.${type}`),
  });
});
