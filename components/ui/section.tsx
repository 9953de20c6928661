import type { ReactNode } from "react";

/** A titled part of a page; the heading labels the region for screen readers. */
export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="mt-8">
      <h2 id={`${id}-heading`} className="mb-3 text-xl font-semibold text-gray-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The "nothing here" line of a section. */
export function EmptyNote({ children }: { children: ReactNode }) {
  return <p className="text-gray-700">{children}</p>;
}
