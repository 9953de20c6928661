// GET /api/v1/sdg/goals: SDG goals and targets (lib/api/routes.ts).
import { apiHandlers } from "@/lib/api/next";

export const { GET, HEAD, OPTIONS } = apiHandlers("sdgGoals");
