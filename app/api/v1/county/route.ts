// GET /api/v1/county: the county view's figures, with a county office user's API token (lib/county/api.ts).
import { countyApi } from "@/lib/county/api";
import { preflight } from "@/lib/api/handler";

export const dynamic = "force-dynamic";

export const GET = (request: Request) => countyApi(request);
export const HEAD = GET;
export const OPTIONS = async () => preflight();
