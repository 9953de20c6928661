// The register under the page's filters and sort (archived plans only when shown) as xlsx or CSV,
// in the column set the import reads. A route handler: it checks the session and the permission.
import { getLocale } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/permissions";
import { todayInOslo } from "@/lib/dates";
import type { Locale } from "@/lib/i18n/config";
import { planListOrder, planListParamsSchema, planListWhere } from "@/lib/plans/list";
import { exportFormat, plansDownload } from "@/lib/spreadsheet/export";
import { sheetMessages } from "@/lib/spreadsheet/columns";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in first.", { status: 401 });
  if (!can(user.role, "plan.read")) return new Response("Forbidden.", { status: 403 });
  const search = new URL(request.url).searchParams;
  const params = planListParamsSchema.parse(Object.fromEntries([...search.keys()].map((k) => [k, search.getAll(k)])));
  const locale = (await getLocale()) as Locale;
  return plansDownload(exportFormat(search.get("format")), sheetMessages(locale).filename.plans, planListWhere(params), planListOrder(params), locale, todayInOslo());
}
