// The county view's figures under its filters and sort, as CSV or JSON (public fields only).
import { authedRoute } from "@/lib/route";
import { problem } from "@/lib/api/problem";
import { todayInOslo, isoDate } from "@/lib/dates";
import { getTenant } from "@/lib/tenant";
import { filterAndSort } from "@/lib/county/figures";
import { countyDownloadSchema } from "@/lib/county/params";
import { countyCsv, countyJson } from "@/lib/county/download";
import { getCountyOverview } from "@/lib/county/queries";

export const dynamic = "force-dynamic";

export const GET = authedRoute("county.read", { query: countyDownloadSchema }, async ({ query }) => {
  const tenant = await getTenant();
  if (tenant.kind !== "county") return problem(404, "Not found.");
  const today = todayInOslo();
  const figures = filterAndSort(await getCountyOverview(today), query);
  const name = `fylkesoversikt-${tenant.countyNumber}-${isoDate(today)}`;
  const [body, type] = query.format === "json"
    ? [JSON.stringify(countyJson({ number: tenant.countyNumber, name: tenant.countyName }, figures)), "application/json; charset=utf-8"]
    : [countyCsv(figures), "text/csv; charset=utf-8"];
  return new Response(body, { headers: { "Content-Type": type, "Content-Disposition": `attachment; filename="${name}.${query.format}"`, "Cache-Control": "private, no-store" } });
});
