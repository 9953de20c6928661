// Readiness: the process answers and its database does (one trivial query, bounded by the
// pool's connect and statement timeouts). 503 tells the load balancer to send traffic elsewhere.
// The edge (scripts/server.ts) answers it the same way on every host before it looks up the
// tenant; this handler serves only a server without that edge.
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export async function GET() {
  const headers = { "Cache-Control": "no-store" };
  try {
    await db.$queryRaw`SELECT 1`;
    return Response.json({ status: "ok", database: "ok" }, { headers });
  } catch {
    return Response.json({ status: "unavailable", database: "unavailable" }, { status: 503, headers: { ...headers, "Retry-After": "10" } });
  }
}
