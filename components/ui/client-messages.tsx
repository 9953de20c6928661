// Client components get only the translations they use: the whole message tree on every page
// was ~25 kB of every HTML response and of React's work per request (issue 10).
import type { ReactNode } from "react";
import { NextIntlClientProvider, type AbstractIntlMessages } from "next-intl";
import { getMessages } from "next-intl/server";

/** Provides the `namespaces` (top-level keys of the message files) to the client components below. */
export async function ClientMessages({ namespaces, children }: { namespaces: string[]; children: ReactNode }) {
  const all = (await getMessages()) as AbstractIntlMessages;
  const messages = Object.fromEntries(namespaces.map((n) => [n, all[n] ?? {}])) as AbstractIntlMessages;
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}
