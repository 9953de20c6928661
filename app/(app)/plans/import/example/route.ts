// The Røros example data as an import file (new plans, in the export's column set).
// Checks the session and plan.write, as the import does.
import { getLocale } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/permissions";
import type { Locale } from "@/lib/i18n/config";
import { examplePlans } from "@/lib/import/example";
import { sheetMessages } from "@/lib/spreadsheet/columns";
import { planWorkbookResponse } from "@/lib/spreadsheet/xlsx";

export const dynamic = "force-dynamic";

async function* rows() {
  yield examplePlans();
}

export async function GET() {
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in first.", { status: 401 });
  if (!can(user.role, "plan.write")) return new Response("Forbidden.", { status: 403 });
  const locale = (await getLocale()) as Locale;
  return planWorkbookResponse(`${sheetMessages(locale).filename.example}.xlsx`, rows(), locale);
}
