// Liveness for a load balancer or systemd watchdog: the process answers. Never touches the
// database, so a database outage does not get healthy app instances restarted. Public, and
// says nothing but that.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
