// sitemap.xml: the innsyn pages and every public plan's page when innsyn is on; empty when off.
import type { MetadataRoute } from "next";
import { headers } from "next/headers";
import { appBaseUrl } from "@/lib/app-base-url";
import { innsynEnabled } from "@/lib/public/enabled";
import { innsynSitemapPlans } from "@/lib/public/pages";

export const dynamic = "force-dynamic";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  if (!(await innsynEnabled())) return [];
  const base = await appBaseUrl(await headers());
  const pages = ["/innsyn", "/innsyn/schedule", "/innsyn/strategy", "/innsyn/sdg", "/innsyn/accessibility"].map((path) => ({ url: `${base}${path}` }));
  const plans = (await innsynSitemapPlans()).map((p) => ({ url: `${base}/innsyn/plans/${p.id}`, lastModified: p.updatedAt }));
  return [...pages, ...plans];
}
