// "Last ned mal": the export's workbook with no plans (headers, and the sheet explaining each
// column and its codes). Checks the session and plan.write, as the import does.
import { getLocale } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/permissions";
import type { Locale } from "@/lib/i18n/config";
import { sheetMessages } from "@/lib/spreadsheet/columns";
import { planWorkbookResponse } from "@/lib/spreadsheet/xlsx";

export const dynamic = "force-dynamic";

async function* none() {}

export async function GET() {
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in first.", { status: 401 });
  if (!can(user.role, "plan.write")) return new Response("Forbidden.", { status: 403 });
  const locale = (await getLocale()) as Locale;
  return planWorkbookResponse(`${sheetMessages(locale).filename.template}.xlsx`, none(), locale);
}
