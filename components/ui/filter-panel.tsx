import type { ReactNode } from "react";

/**
 * The filters of a list page. On a phone they sit behind one button ("Filter (2 aktive)") so the
 * results come first; from 64rem they are simply shown (app/globals.css, .filter-panel). A
 * <details>, so it opens without JavaScript; open from the start when `open` (e.g. no results).
 */
export function FilterPanel({ label, open = false, children }: { label: string; open?: boolean; children: ReactNode }) {
  return (
    <details className="filter-panel no-print mb-6" open={open}>
      <summary className="ds-button mb-3 cursor-pointer" data-variant="secondary">
        <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
          <path d="M3 5h18M6 12h12M10 19h4" />
        </svg>
        {label}
      </summary>
      {children}
    </details>
  );
}
