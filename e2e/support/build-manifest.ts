// What the production build contains: every page, route handler and server action, read from
// Next.js's own manifests, so the authorization matrix cannot miss one.
import fs from "node:fs";
import path from "node:path";

const serverDir = path.join(import.meta.dirname, "..", "..", ".next", "server");

/** "/(app)/plans/[id]/page" → "/plans/[id]". */
export function routeOf(entry: string): string {
  const route = entry.replace(/\/(page|route)$/, "").replace(/\/\([^)]+\)/g, "");
  return route === "" ? "/" : route;
}

export type BuiltRoute = { route: string; kind: "page" | "route" };

export function builtRoutes(): BuiltRoute[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(serverDir, "app-paths-manifest.json"), "utf8")) as Record<string, string>;
  return Object.keys(manifest)
    .filter((entry) => !entry.startsWith("/_global-error"))
    .map((entry) => ({ route: routeOf(entry), kind: entry.endsWith("/route") ? "route" : "page" }));
}

export type BuiltAction = { id: string; file: string; name: string; pages: string[] };

export function builtActions(): BuiltAction[] {
  type Entry = { workers: Record<string, unknown>; filename: string; exportedName: string };
  const manifest = JSON.parse(fs.readFileSync(path.join(serverDir, "server-reference-manifest.json"), "utf8")) as { node: Record<string, Entry> };
  return Object.entries(manifest.node).map(([id, entry]) => ({
    id,
    file: entry.filename,
    name: entry.exportedName,
    pages: Object.keys(entry.workers).filter((w) => w.endsWith("/page")).map((w) => routeOf(w.replace(/^app/, ""))),
  }));
}
