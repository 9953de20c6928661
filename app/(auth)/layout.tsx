import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/layout/site-header";

// Only innsyn is for search engines (app/robots.ts); these pages say so themselves too.
export const metadata: Metadata = { robots: { index: false, follow: false } };

// The same header as inside the app, without navigation: on a phone the language switch sits
// behind the menu button, so the header stays one short row.
export default async function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteHeader user={null} />
      <main id="main" tabIndex={-1} className="mx-auto max-w-xl px-4 py-10">
        {children}
      </main>
    </>
  );
}
