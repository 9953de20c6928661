import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/layout/site-header";
import { getCurrentUser } from "@/lib/auth/session";

// Only innsyn is for search engines (app/robots.ts); these pages say so themselves too.
export const metadata: Metadata = { robots: { index: false, follow: false } };

export default async function AppLayout({ children }: { children: ReactNode }) {
  // Only for the header; each page checks access itself.
  const user = await getCurrentUser();
  return (
    <>
      <SiteHeader user={user} />
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6 sm:py-8">
        {children}
      </main>
    </>
  );
}
