import type { ReactNode } from "react";

/** The page's one <h1>, with optional lead text. */
export function PageHeader({ title, lead }: { title: string; lead?: ReactNode }) {
  return (
    <header className="mb-6">
      <h1 className="ds-heading text-2xl font-semibold sm:text-3xl">{title}</h1>
      {lead ? <p className="ds-paragraph mt-2 max-w-3xl text-[var(--ds-color-neutral-text-subtle)]">{lead}</p> : null}
    </header>
  );
}
