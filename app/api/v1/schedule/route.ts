// GET /api/v1/schedule: the revision schedule (lib/api/routes.ts).
import { apiHandlers } from "@/lib/api/next";

export const { GET, HEAD, OPTIONS } = apiHandlers("schedule");
