import type { ReactNode } from "react";

/** A titled part of a page; the heading labels the region for screen readers. */
export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="mt-8">
      <h2 id={`${id}-heading`} className="ds-heading mb-3 text-xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The "nothing here" line of a section. */
export function EmptyNote({ children }: { children: ReactNode }) {
  return <p className="text-[var(--ds-color-neutral-text-subtle)]">{children}</p>;
}
