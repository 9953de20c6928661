// GET /api/v1/periods/{id}: one planning strategy and its planprogram (lib/api/routes.ts).
import { apiHandlers } from "@/lib/api/next";

export const { GET, HEAD, OPTIONS } = apiHandlers("period");
