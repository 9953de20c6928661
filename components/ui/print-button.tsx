"use client";
// Opens the browser's print dialog; the print stylesheet makes the page fit A4.
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="ds-button no-print" data-variant="secondary">
      {label}
    </button>
  );
}
