// The whole revision schedule under the page's filters as xlsx or CSV (the page itself is paged),
// in the register's one column set. A route handler: it checks the session and the permission.
import { getLocale } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/permissions";
import { todayInOslo } from "@/lib/dates";
import type { Locale } from "@/lib/i18n/config";
import { scheduleParamsSchema } from "@/lib/schedule/params";
import { scheduleOrder, scheduleWhere } from "@/lib/schedule/queries";
import { exportFormat, plansDownload } from "@/lib/spreadsheet/export";
import { sheetMessages } from "@/lib/spreadsheet/columns";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in first.", { status: 401 });
  if (!can(user.role, "plan.read")) return new Response("Forbidden.", { status: 403 });
  const search = new URL(request.url).searchParams;
  const params = scheduleParamsSchema.parse(Object.fromEntries([...search.keys()].map((k) => [k, search.getAll(k)])));
  const locale = (await getLocale()) as Locale;
  return plansDownload(exportFormat(search.get("format")), sheetMessages(locale).filename.schedule, scheduleWhere(params), scheduleOrder(params.group ?? "type"), locale, todayInOslo());
}
