// GET /api/v1/plans/{id}: one plan (lib/api/routes.ts).
import { apiHandlers } from "@/lib/api/next";

export const { GET, HEAD, OPTIONS } = apiHandlers("plan");
