import type { ReactNode } from "react";

/** The page's one <h1>, with optional lead text. */
export function PageHeader({ title, lead }: { title: string; lead?: ReactNode }) {
  return (
    <header className="mb-6">
      <h1 className="text-3xl font-semibold tracking-tight text-gray-900">{title}</h1>
      {lead ? <p className="mt-2 max-w-3xl text-gray-700">{lead}</p> : null}
    </header>
  );
}
