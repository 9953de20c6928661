// robots.txt: crawlers may read innsyn when it is on, and nothing else (signed-in pages are also noindex).
import type { MetadataRoute } from "next";
import { headers } from "next/headers";
import { appBaseUrl } from "@/lib/app-base-url";
import { innsynEnabled } from "@/lib/public/enabled";

export const dynamic = "force-dynamic";

export default async function robots(): Promise<MetadataRoute.Robots> {
  if (!(await innsynEnabled())) return { rules: { userAgent: "*", disallow: "/" } };
  return {
    rules: { userAgent: "*", allow: ["/innsyn"], disallow: "/" },
    sitemap: `${await appBaseUrl(await headers())}/sitemap.xml`,
  };
}
