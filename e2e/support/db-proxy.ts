// A TCP proxy in front of the e2e database, so a test can take the database away from one app
// instance — refuse connections, or accept them and never answer (a stalled server) — and bring
// it back, without touching the PostgreSQL server the other instances use.
import net from "node:net";

export type DbProxy = { port: number; mode: (mode: "pass" | "down" | "stall") => Promise<void>; close: () => Promise<void> };

export async function startDbProxy(targetHost: string, targetPort: number): Promise<DbProxy> {
  let current: "pass" | "down" | "stall" = "pass";
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    client.on("error", () => {});
    if (current === "down") return void client.destroy();
    if (current === "stall") return; // accepted, never answered
    const upstream = net.connect(targetPort, targetHost);
    sockets.add(upstream);
    upstream.on("close", () => sockets.delete(upstream));
    upstream.on("error", () => client.destroy());
    client.on("close", () => upstream.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    // Cutting the database also cuts the connections the pool already holds.
    mode: async (mode) => {
      current = mode;
      if (mode !== "pass") for (const socket of sockets) socket.destroy();
    },
    close: () => new Promise<void>((resolve) => { for (const socket of sockets) socket.destroy(); server.close(() => resolve()); }),
  };
}
