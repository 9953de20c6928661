"use client";
// Opens the browser's print dialog; the print stylesheet makes the page fit A4.
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="no-print rounded border border-brand-700 bg-white px-4 py-2 font-medium text-brand-700 hover:bg-gray-100">
      {label}
    </button>
  );
}
