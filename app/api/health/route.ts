// Liveness for a load balancer or systemd watchdog: the process answers. Never touches the
// database, so a database outage does not get healthy app instances restarted. Public, and
// says nothing but that. The edge (scripts/server.ts) answers it the same way on every host, before
// it looks up the tenant, so the probe also works on a host no municipality answers on.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
