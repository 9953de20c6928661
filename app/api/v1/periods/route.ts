// GET /api/v1/periods: the planning strategies (lib/api/routes.ts).
import { apiHandlers } from "@/lib/api/next";

export const { GET, HEAD, OPTIONS } = apiHandlers("periods");
