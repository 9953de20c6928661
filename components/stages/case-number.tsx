import { caseLink } from "@/lib/links";

/** A case number as a link into the archive when the municipality's template and pattern allow it; otherwise plain text. */
export function CaseNumber({ value, template }: { value: string; template: string | null }) {
  const href = caseLink(template, value);
  return href ? <a href={href} className="ds-link" rel="noopener noreferrer">{value}</a> : <>{value}</>;
}
