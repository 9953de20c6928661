// Open data: every public plan as JSON (NLOD 2.0). Public when innsyn is on; 404 when it is off.
import { innsynEnabled } from "@/lib/public/enabled";
import { openDataJson } from "@/lib/public/open-data";

export const dynamic = "force-dynamic";

export async function GET() {
  if (!(await innsynEnabled())) return new Response("Not found\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return openDataJson();
}
