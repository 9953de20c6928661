import Link from "next/link";
import type { ReactNode } from "react";
import type { CoverageMatrixPage } from "@/lib/sdg/queries";

// Shared by the per-type and the per-plan tables, so both look and read the same. Uncovered goals
// get a tinted column and the words "Ikke dekket" in the header; printed pages keep the tint
// (print-color-adjust) and the words either way.
export const uncoveredTint = "bg-amber-50 [print-color-adjust:exact]";
export const countedTint = "bg-sky-100 font-semibold [print-color-adjust:exact]";
export const cell = "px-2 py-2 text-center tabular-nums print:px-1 print:py-0.5";
// The plan (or type) column stays put while the goals scroll; its edge line shows where they pass under.
export const rowHeader = "sticky left-0 z-10 px-3 py-2 text-left shadow-[inset_-2px_0_0_var(--ds-color-neutral-border-default)] print:static print:px-1 print:py-0.5 print:shadow-none";

type Goal = CoverageMatrixPage["goals"][number];

/** A count shown as a number (or "–" for none), read out in words (e.g. "2 av 13 delmål"). */
export function Count({ shown, label, className }: { shown: string; label: string; className: string }) {
  return (
    <td className={`${cell} ${className}`}>
      <span aria-hidden="true">{shown}</span>
      <span className="sr-only">{label}</span>
    </td>
  );
}

/** A goal's column header: its number and short name, leading to its targets. */
export function GoalHeader({ goal, title, query, notCovered }: { goal: Goal; title: string; query: string; notCovered: string }) {
  return (
    <th scope="col" className={`min-w-20 px-2 py-2 text-left align-bottom print:min-w-0 print:px-1 ${goal.covered ? "" : "bg-amber-100 [print-color-adjust:exact]"}`}>
      <Link href={`/sdg/${goal.code}${query}`} className="ds-link block">
        <span className="block text-base print:text-[8pt]">{goal.code}</span>
        <span className="block text-xs font-normal print:text-[6pt]">{title}</span>
      </Link>
      {goal.covered ? null : <span className="mt-1 block text-xs font-semibold text-amber-900 print:text-[6pt]">{notCovered}</span>}
    </th>
  );
}

/**
 * A table in a scrolling region. The region must take focus so keyboard users can scroll it
 * (WCAG 2.1.1, axe's scrollable-region-focusable); it is named by the table's caption.
 */
export function ScrollingTable({ captionId, caption, hint, children }: { captionId: string; caption: string; hint?: string; children: ReactNode }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div role="region" aria-labelledby={captionId} tabIndex={0} className="scroll-region scroll-hint-container relative print:overflow-visible print:border-0">
      {/* Shown only while columns lie beyond the right edge (app/globals.css, .scroll-hint). */}
      {hint ? <p className="scroll-hint no-print" aria-hidden="true"><span>{hint}</span><span className="text-lg leading-none">→</span></p> : null}
      <table className="min-w-full border-collapse text-sm print:text-[7pt]">
        <caption id={captionId} className="px-3 py-2 text-left font-semibold print:px-0">{caption}</caption>
        {children}
      </table>
    </div>
  );
}
