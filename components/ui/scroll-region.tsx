import type { ReactNode } from "react";

/**
 * A region that scrolls sideways when its table is wider than the screen, so the page itself
 * never does. It takes focus so keyboard users can scroll it (WCAG 2.1.1, axe's
 * scrollable-region-focusable) and is named. `className` adds to the look (.scroll-region).
 */
export function ScrollRegion({ label, className = "", children }: { label: string; className?: string; children: ReactNode }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div role="region" aria-label={label} tabIndex={0} className={`scroll-region ${className}`.trim()}>
      {children}
    </div>
  );
}
