import type { ReactNode } from "react";
import { SiteHeader } from "@/components/layout/site-header";

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
